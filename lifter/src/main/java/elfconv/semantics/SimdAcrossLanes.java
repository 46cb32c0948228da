package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV: one lane of a vector reduced to a scalar register. */
final class SimdAcrossLanes implements Family {
  private static final int ADDLV = 3, MAXV = 10, MINV = 26;

  private static int opcode(Insn i) {
    return (i.word() >>> 12) & 0x1f;
  }

  @Override
  public String unallocated(Insn i) {
    int size = i.f("size");
    if (opcode(i) == 27 && i.f("U") == 1) {
      return "unallocated";
    }
    return size == 3 || size == 2 && i.f("Q") == 0 ? "reduces 8B, 16B, 4H, 8H or 4S only" : null;
  }

  @Override
  public String disassemble(Insn i) {
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    int size = i.f("size");
    String name = switch (op) {
      case ADDLV -> u ? "uaddlv" : "saddlv";
      case MAXV -> u ? "umaxv" : "smaxv";
      case MINV -> u ? "uminv" : "sminv";
      default -> "addv";
    };
    int resultSize = op == ADDLV ? size + 1 : size;
    return Asm.join(name, Asm.v(i.f("rd"), 1 << resultSize), Simd.arrangement(i.f("rn"), i.f("Q"), size));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    LLVMValueRef a = Simd.arranged(e, i.f("rn"), i.f("Q"), i.f("size"));
    LLVMValueRef result = switch (op) {
      case ADDLV -> ir.intrinsic("llvm.vector.reduce.add", ir.widen(a, 2 * IrBuilder.width(a), !u));
      case MAXV -> ir.intrinsic(u ? "llvm.vector.reduce.umax" : "llvm.vector.reduce.smax", a);
      case MINV -> ir.intrinsic(u ? "llvm.vector.reduce.umin" : "llvm.vector.reduce.smin", a);
      default -> ir.intrinsic("llvm.vector.reduce.add", a);
    };
    e.setVreg(i.f("rd"), result);
  }
}
