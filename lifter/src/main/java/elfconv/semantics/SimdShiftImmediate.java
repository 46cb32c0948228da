package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD shifts by an immediate: SSHR/USHR and their rounding and accumulating forms, SRI, SHL, SLI, the
 * narrowing SHRN/RSHRN and the widening SSHLL/USHLL (SXTL/UXTL for shift 0); also the scalar D forms. The lane size is the
 * highest set bit of immh; the shift is encoded against it.
 */
final class SimdShiftImmediate implements Family {
  private static final int SHR = 0, SRA = 2, RSHR = 4, RSRA = 6, SRI = 8, SHL = 10, SHRN = 16, RSHRN = 17, SHLL = 20;

  private static int opcode(Insn i) {
    return (i.word() >>> 11) & 0x1f;
  }

  private static boolean scalar(Insn i) {
    return i.pattern().name().startsWith("SIMD_SCALAR");
  }

  /** log2 of the lane size in bytes: of the destination for SHRN, of the source for SHLL. */
  private static int size(Insn i) {
    return 31 - Integer.numberOfLeadingZeros(i.f("immh"));
  }

  private static int encoded(Insn i) {
    return i.f("immh") << 3 | i.f("immb");
  }

  private static boolean left(int op) {
    return op == SHL || op == SHLL;
  }

  private static int amount(Insn i) {
    int bits = Simd.bits(size(i));
    return left(opcode(i)) ? encoded(i) - bits : 2 * bits - encoded(i);
  }

  @Override
  public String unallocated(Insn i) {
    int op = opcode(i);
    int size = size(i);
    boolean u = (i.word() >>> 29 & 1) == 1; // fixed to 0 in the SHRN pattern
    if (op == SRI && !u) {
      return "unallocated";
    }
    if (scalar(i)) {
      return size == 3 ? null : "scalar shifts of D registers only";
    }
    if (op == SHRN || op == RSHRN || op == SHLL) {
      return size == 3 ? "no 128-bit lanes" : null;
    }
    return size == 3 && i.f("Q") == 0 ? "one 64-bit lane is not a vector" : null;
  }

  private static String name(int op, boolean u) {
    return switch (op) {
      case SHR -> u ? "ushr" : "sshr";
      case SRA -> u ? "usra" : "ssra";
      case RSHR -> u ? "urshr" : "srshr";
      case RSRA -> u ? "ursra" : "srsra";
      case SRI -> "sri";
      case SHL -> u ? "sli" : "shl";
      case SHRN -> "shrn";
      case RSHRN -> "rshrn";
      default -> u ? "ushll" : "sshll";
    };
  }

  @Override
  public String disassemble(Insn i) {
    int op = opcode(i);
    boolean u = (i.word() >>> 29 & 1) == 1; // fixed to 0 in the SHRN pattern
    int size = size(i);
    int rd = i.f("rd");
    int rn = i.f("rn");
    String shift = "#" + amount(i);
    if (scalar(i)) {
      return Asm.join(name(op, u), Asm.v(rd, 8), Asm.v(rn, 8), shift);
    }
    int q = i.f("Q");
    String two = q == 1 ? "2" : "";
    if (op == SHRN || op == RSHRN) {
      return Asm.join(name(op, u) + two, Simd.arrangement(rd, q, size), Simd.arrangement(rn, 1, size + 1), shift);
    }
    if (op == SHLL) {
      String d = Simd.arrangement(rd, 1, size + 1);
      String n = Simd.arrangement(rn, q, size);
      return Asm.join(name(op, u) + two, d, n, shift); // LLVM never prints the SXTL/UXTL alias
    }
    return Asm.join(name(op, u), Simd.arrangement(rd, q, size), Simd.arrangement(rn, q, size), shift);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int op = opcode(i);
    boolean u = (i.word() >>> 29 & 1) == 1; // fixed to 0 in the SHRN pattern
    int size = size(i);
    int bits = Simd.bits(size);
    int q = scalar(i) ? 0 : i.f("Q");
    int shift = amount(i);
    int rd = i.f("rd");
    if (op == SHRN || op == RSHRN) {
      LLVMValueRef wide = Simd.arranged(e, i.f("rn"), 1, size + 1);
      if (op == RSHRN) {
        wide = ir.add(wide, ir.c(wide, 1L << (shift - 1)));
      }
      Simd.writeNarrow(e, i, rd, ir.widen(ir.lshr(wide, ir.c(wide, shift)), bits, false));
      return;
    }
    LLVMValueRef a = Simd.arranged(e, i.f("rn"), q, size);
    if (op == SHLL) {
      LLVMValueRef half = Simd.half(ir, Simd.arranged(e, i.f("rn"), 1, size), q == 1);
      LLVMValueRef wide = ir.widen(half, 2 * bits, !u);
      Simd.write(e, rd, ir.shl(wide, ir.c(wide, shift)));
      return;
    }
    LLVMValueRef result;
    if (op == SHL) {
      LLVMValueRef shifted = ir.shl(a, ir.c(a, shift));
      if (u) { // SLI keeps the destination's bits below the shift
        LLVMValueRef kept = ir.and(Simd.arranged(e, rd, q, size), ir.c(a, (1L << shift) - 1));
        shifted = ir.or(shifted, kept);
      }
      result = shifted;
    } else {
      // Right shifts by up to the lane width, with rounding, in lanes twice as wide.
      LLVMValueRef wide = ir.widen(a, 2 * bits, !u && op != SRI);
      if (op == RSHR || op == RSRA) {
        wide = ir.add(wide, ir.c(wide, 1L << (shift - 1)));
      }
      LLVMValueRef shifted = u || op == SRI ? ir.lshr(wide, ir.c(wide, shift)) : ir.ashr(wide, ir.c(wide, shift));
      result = ir.widen(shifted, bits, false);
      if (op == SRA || op == RSRA) {
        result = ir.add(Simd.arranged(e, rd, q, size), result);
      } else if (op == SRI) {
        LLVMValueRef ones = ir.c(wide, bits == 64 ? -1L : (1L << bits) - 1);
        LLVMValueRef inserted = ir.widen(ir.lshr(ones, ir.c(wide, shift)), bits, false);
        result = ir.or(ir.and(Simd.arranged(e, rd, q, size), ir.not(inserted)), result);
      }
    }
    Simd.write(e, rd, result);
  }
}
