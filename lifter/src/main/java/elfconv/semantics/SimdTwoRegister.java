package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD integer operations on one vector (the "two-register miscellaneous" group, opcode in bits 16..12,
 * U in bit 29): reversals, pairwise widening adds, bit counts, compares with zero, ABS/NEG, narrowing; also their
 * scalar forms on D registers (SIMD_SCALAR_TWO_REG).
 */
final class SimdTwoRegister implements Family {
  private static final int REV64 = 0, REV16 = 1, ADDLP = 2, CLS = 4, CNT = 5, ADALP = 6, QABS = 7, CMGT0 = 8,
      CMEQ0 = 9, CMLT0 = 10, ABS = 11, XTN = 18, SHLL = 19, QXTN = 20;

  static int opcode(Insn i) {
    return (i.word() >>> 12) & 0x1f;
  }

  private static boolean scalar(Insn i) {
    return i.pattern().name().startsWith("SIMD_SCALAR");
  }

  private static boolean narrowing(int op) {
    return op == XTN || op == QXTN;
  }

  @Override
  public String unallocated(Insn i) {
    int op = opcode(i);
    int size = i.f("size");
    boolean u = i.f("U") == 1;
    int q = scalar(i) ? 1 : i.f("Q");
    if (scalar(i)) {
      boolean allowed = (op == CMGT0 || op == CMEQ0 || op == ABS || (op == CMLT0 && !u)) && size == 3
          || op == QABS || op == QXTN && size != 3 || op == XTN && u && size != 3;
      return allowed ? null : "not a scalar operation";
    }
    return switch (op) {
      case REV64 -> size == 3 || u && size == 2 ? "reverses whole containers only" : null;
      case REV16 -> u || size != 0 ? "REV16 reverses bytes only" : null;
      case ADDLP, ADALP, XTN, QXTN, SHLL -> size == 3 ? "no 64-bit source lanes" : op == SHLL && !u ? "unallocated"
          : null;
      case CLS -> size == 3 ? "no 64-bit lanes" : null;
      case CNT -> !u && size != 0 || u && size > 1 ? "unallocated" : null;
      case CMLT0 -> u ? "unallocated" : size == 3 && q == 0 ? "one 64-bit lane is not a vector" : null;
      default -> size == 3 && q == 0 ? "one 64-bit lane is not a vector" : null;
    };
  }

  private static String name(int op, boolean u, int size) {
    return switch (op) {
      case REV64 -> u ? "rev32" : "rev64";
      case REV16 -> "rev16";
      case ADDLP -> u ? "uaddlp" : "saddlp";
      case CLS -> u ? "clz" : "cls";
      case CNT -> !u ? "cnt" : size == 0 ? "mvn" : "rbit";
      case ADALP -> u ? "uadalp" : "sadalp";
      case QABS -> u ? "sqneg" : "sqabs";
      case CMGT0 -> u ? "cmge" : "cmgt";
      case CMEQ0 -> u ? "cmle" : "cmeq";
      case CMLT0 -> "cmlt";
      case ABS -> u ? "neg" : "abs";
      case XTN -> u ? "sqxtun" : "xtn";
      case SHLL -> "shll";
      default -> u ? "uqxtn" : "sqxtn";
    };
  }

  @Override
  public String disassemble(Insn i) {
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    int size = i.f("size");
    int rd = i.f("rd");
    int rn = i.f("rn");
    String name = name(op, u, size);
    boolean compare = op == CMGT0 || op == CMEQ0 || op == CMLT0;
    if (scalar(i)) {
      int from = narrowing(op) ? 2 << size : 1 << size;
      String src = Asm.v(rn, from);
      String dst = Asm.v(rd, 1 << size);
      return compare ? Asm.join(name, dst, src, "#0") : Asm.join(name, dst, src);
    }
    int q = i.f("Q");
    String suffix = q == 1 && (narrowing(op) || op == SHLL) ? "2" : "";
    if (narrowing(op)) {
      return Asm.join(name + suffix, Simd.arrangement(rd, q, size), Simd.arrangement(rn, 1, size + 1));
    }
    if (op == SHLL) {
      return Asm.join(name + suffix, Simd.arrangement(rd, 1, size + 1), Simd.arrangement(rn, q, size),
          "#" + Simd.bits(size));
    }
    if (op == ADDLP || op == ADALP) {
      return Asm.join(name, Simd.arrangement(rd, q, size + 1), Simd.arrangement(rn, q, size));
    }
    int shown = op == CNT ? 0 : size;
    String d = Simd.arrangement(rd, q, shown);
    String n = Simd.arrangement(rn, q, shown);
    return compare ? Asm.join(name, d, n, "#0") : Asm.join(name, d, n);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    int size = op == CNT ? 0 : i.f("size");
    int q = scalar(i) ? 0 : i.f("Q");
    int bits = Simd.bits(size);
    int rd = i.f("rd");
    if (narrowing(op)) {
      LLVMValueRef wide = scalar(i) ? Simd.read(e, i.f("rn"), 2 * bits, 1) : Simd.arranged(e, i.f("rn"), 1, size + 1);
      LLVMValueRef narrow = narrow(e, wide, bits, op == XTN ? (u ? Narrowing.SIGNED_TO_UNSIGNED : Narrowing.TRUNCATE)
          : u ? Narrowing.UNSIGNED : Narrowing.SIGNED);
      if (scalar(i)) {
        Simd.write(e, rd, narrow);
      } else {
        Simd.writeNarrow(e, i, rd, narrow);
      }
      return;
    }
    if (op == SHLL) {
      LLVMValueRef source = Simd.arranged(e, i.f("rn"), 1, size);
      LLVMValueRef half = Simd.half(ir, source, q == 1);
      LLVMValueRef wide = ir.widen(half, 2 * bits, false);
      Simd.write(e, rd, ir.shl(wide, ir.c(wide, bits)));
      return;
    }
    LLVMValueRef a = scalar(i) ? Simd.read(e, i.f("rn"), bits, 1) : Simd.arranged(e, i.f("rn"), q, size);
    LLVMValueRef result = switch (op) {
      case REV64 -> reverse(ir, a, u ? 32 : 64);
      case REV16 -> reverse(ir, a, 16);
      case ADDLP, ADALP -> {
        LLVMValueRef sums = pairSums(ir, a, u);
        yield op == ADDLP ? sums : ir.add(Simd.arranged(e, rd, q, size + 1), sums);
      }
      case CLS -> u ? ir.intrinsic("llvm.ctlz", a, ir.c(1, 0))
          : ir.sub(ir.intrinsic("llvm.ctlz", ir.xor(a, ir.ashr(a, ir.c(a, 1))), ir.c(1, 0)), ir.c(a, 1));
      case CNT -> !u ? ir.intrinsic("llvm.ctpop", a) : i.f("size") == 0 ? ir.not(a) : ir.intrinsic("llvm.bitreverse", a);
      case QABS -> {
        LLVMValueRef min = ir.c(a, 1L << (bits - 1));
        LLVMValueRef overflow = ir.eq(a, min);
        Simd.saturation(e, overflow);
        LLVMValueRef exact = u ? ir.neg(a) : ir.intrinsic("llvm.abs", a, ir.c(1, 0));
        yield ir.select(overflow, ir.not(min), exact);
      }
      case CMGT0 -> ir.laneMask(u ? ir.sge(a, ir.c(a, 0)) : ir.sgt(a, ir.c(a, 0)), bits);
      case CMEQ0 -> ir.laneMask(u ? ir.sle(a, ir.c(a, 0)) : ir.eq(a, ir.c(a, 0)), bits);
      case CMLT0 -> ir.laneMask(ir.slt(a, ir.c(a, 0)), bits);
      default -> u ? ir.neg(a) : ir.intrinsic("llvm.abs", a, ir.c(1, 0));
    };
    Simd.write(e, rd, result);
  }

  /** Reverses the order of the lanes within each container of {@code containerBits}. */
  static LLVMValueRef reverse(IrBuilder ir, LLVMValueRef a, int containerBits) {
    int lanes = IrBuilder.lanes(a);
    int per = containerBits / IrBuilder.width(a);
    int[] mask = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      mask[k] = k / per * per + (per - 1 - k % per);
    }
    return ir.shuffle(a, a, mask);
  }

  /** Adjacent lanes added into one lane of twice the width. */
  private static LLVMValueRef pairSums(IrBuilder ir, LLVMValueRef a, boolean u) {
    int lanes = IrBuilder.lanes(a);
    int[] even = new int[lanes / 2];
    int[] odd = new int[lanes / 2];
    for (int k = 0; k < lanes / 2; k++) {
      even[k] = 2 * k;
      odd[k] = 2 * k + 1;
    }
    int wide = 2 * IrBuilder.width(a);
    return ir.add(ir.widen(ir.shuffle(a, a, even), wide, !u), ir.widen(ir.shuffle(a, a, odd), wide, !u));
  }

  enum Narrowing { TRUNCATE, SIGNED, UNSIGNED, SIGNED_TO_UNSIGNED }

  /** Each lane narrowed to {@code bits}, saturating (and setting FPSR.QC) unless truncating. */
  static LLVMValueRef narrow(Emitter e, LLVMValueRef wide, int bits, Narrowing how) {
    IrBuilder ir = e.ir;
    if (how == Narrowing.TRUNCATE) {
      return ir.widen(wide, bits, false);
    }
    long max = how == Narrowing.SIGNED ? (1L << (bits - 1)) - 1 : bits == 64 ? -1L : (1L << bits) - 1;
    long min = how == Narrowing.SIGNED ? -(1L << (bits - 1)) : 0;
    LLVMValueRef high;
    LLVMValueRef low;
    if (how == Narrowing.UNSIGNED) {
      high = ir.ugt(wide, ir.c(wide, max));
      low = ir.splat(ir.m.vectorType(IrBuilder.lanes(wide), 1), 0); // never below zero
    } else {
      high = ir.sgt(wide, ir.c(wide, max));
      low = ir.slt(wide, ir.c(wide, min));
    }
    Simd.saturation(e, ir.or(high, low));
    LLVMValueRef clamped = ir.select(high, ir.c(wide, max), ir.select(low, ir.c(wide, min), wide));
    return ir.widen(clamped, bits, false);
  }
}
