package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD operations whose operands and result differ in lane width: the long forms (ADDL, SUBL, ABAL,
 * ABDL, MLAL, MLSL, MULL: narrow sources, wide result), the wide forms (ADDW, SUBW) and the high-narrowing ADDHN,
 * SUBHN and their rounding forms. Q = 1 (the "2" forms) takes the narrow operands from the upper halves.
 */
final class SimdThreeDifferent implements Family {
  private static final int ADDL = 0, ADDW = 1, SUBL = 2, SUBW = 3, ADDHN = 4, ABAL = 5, SUBHN = 6, ABDL = 7,
      MLAL = 8, MLSL = 10, MULL = 12;

  private static int opcode(Insn i) {
    return (i.word() >>> 12) & 0xf;
  }

  @Override
  public String unallocated(Insn i) {
    return i.f("size") == 3 ? "no 128-bit lanes" : null;
  }

  private static String name(int op, boolean u) {
    String sign = u ? "u" : "s";
    return switch (op) {
      case ADDL -> sign + "addl";
      case ADDW -> sign + "addw";
      case SUBL -> sign + "subl";
      case SUBW -> sign + "subw";
      case ADDHN -> u ? "raddhn" : "addhn";
      case ABAL -> sign + "abal";
      case SUBHN -> u ? "rsubhn" : "subhn";
      case ABDL -> sign + "abdl";
      case MLAL -> sign + "mlal";
      case MLSL -> sign + "mlsl";
      default -> sign + "mull";
    };
  }

  @Override
  public String disassemble(Insn i) {
    int op = opcode(i);
    int q = i.f("Q");
    int size = i.f("size");
    String name = name(op, i.f("U") == 1) + (q == 1 ? "2" : "");
    String wide = Simd.arrangement(0, 1, size + 1).substring(2);
    String narrow = Simd.arrangement(0, q, size).substring(2);
    String d = "v" + i.f("rd");
    String n = "v" + i.f("rn");
    String m = "v" + i.f("rm");
    return switch (op) {
      case ADDW, SUBW -> Asm.join(name, d + wide, n + wide, m + narrow);
      case ADDHN, SUBHN -> Asm.join(name, d + narrow, n + wide, m + wide);
      default -> Asm.join(name, d + wide, n + narrow, m + narrow);
    };
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    int size = i.f("size");
    int bits = Simd.bits(size);
    boolean upper = i.f("Q") == 1;
    int rd = i.f("rd");
    if (op == ADDHN || op == SUBHN) {
      LLVMValueRef a = Simd.arranged(e, i.f("rn"), 1, size + 1);
      LLVMValueRef b = Simd.arranged(e, i.f("rm"), 1, size + 1);
      LLVMValueRef sum = op == ADDHN ? ir.add(a, b) : ir.sub(a, b);
      if (u) {
        sum = ir.add(sum, ir.c(sum, 1L << (bits - 1)));
      }
      Simd.writeNarrow(e, i, rd, ir.widen(ir.lshr(sum, ir.c(sum, bits)), bits, false));
      return;
    }
    LLVMValueRef b = wideHalf(e, i.f("rm"), size, upper, !u);
    LLVMValueRef a = op == ADDW || op == SUBW ? Simd.arranged(e, i.f("rn"), 1, size + 1)
        : wideHalf(e, i.f("rn"), size, upper, !u);
    LLVMValueRef result = switch (op) {
      case ADDL, ADDW -> ir.add(a, b);
      case SUBL, SUBW -> ir.sub(a, b);
      case ABAL -> ir.add(Simd.arranged(e, rd, 1, size + 1), difference(ir, a, b));
      case ABDL -> difference(ir, a, b);
      case MLAL -> ir.add(Simd.arranged(e, rd, 1, size + 1), ir.mul(a, b));
      case MLSL -> ir.sub(Simd.arranged(e, rd, 1, size + 1), ir.mul(a, b));
      default -> ir.mul(a, b);
    };
    Simd.write(e, rd, result);
  }

  /** The lower or upper half of Vn, each lane extended to twice its width. */
  private static LLVMValueRef wideHalf(Emitter e, int n, int size, boolean upper, boolean signed) {
    LLVMValueRef half = Simd.half(e.ir, Simd.arranged(e, n, 1, size), upper);
    return e.ir.widen(half, 2 * Simd.bits(size), signed);
  }

  /** |a - b| of lanes already extended (exact at that width). */
  private static LLVMValueRef difference(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef d = ir.sub(a, b);
    return ir.intrinsic("llvm.abs", d, ir.c(1, 0));
  }
}
