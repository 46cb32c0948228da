package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD integer operations on one vector (the "two-register miscellaneous" group): reversals, pairwise
 * widening adds, bit counts, compares with zero, ABS/NEG and their saturating forms, narrowing, SHLL; also their
 * scalar forms (one lane of a B, H, S or D register).
 */
final class SimdTwoRegister {
  private SimdTwoRegister() {}

  static void REV64_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), reverse(e.ir, source(a, e), 64));
  }

  static void REV32_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), reverse(e.ir, source(a, e), 32));
  }

  static void REV16_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), reverse(e.ir, source(a, e), 16));
  }

  static void SADDLP_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), pairSums(e.ir, source(a, e), false));
  }

  static void UADDLP_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), pairSums(e.ir, source(a, e), true));
  }

  static void SADALP_v(Args.SimdMisc a, Emitter e) {
    accumulatePairs(a, e, false);
  }

  static void UADALP_v(Args.SimdMisc a, Emitter e) {
    accumulatePairs(a, e, true);
  }

  static void CLS_v(Args.SimdMisc a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = source(a, e);
    LLVMValueRef leading = ir.intrinsic("llvm.ctlz", ir.xor(x, ir.ashr(x, ir.c(x, 1))), ir.c(1, 0));
    Simd.write(e, a.rd(), ir.sub(leading, ir.c(x, 1)));
  }

  static void CLZ_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.intrinsic("llvm.ctlz", source(a, e), e.ir.c(1, 0)));
  }

  static void CNT_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.intrinsic("llvm.ctpop", source(a, e)));
  }

  static void NOT_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.not(source(a, e)));
  }

  static void RBIT_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.intrinsic("llvm.bitreverse", source(a, e)));
  }

  static void SQABS_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), saturatingAbs(e, source(a, e), false));
  }

  static void SQNEG_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), saturatingAbs(e, source(a, e), true));
  }

  static void SQABS_s(Args.SimdMiscScalar a, Emitter e) {
    Simd.write(e, a.rd(), saturatingAbs(e, source(a, e), false));
  }

  static void SQNEG_s(Args.SimdMiscScalar a, Emitter e) {
    Simd.write(e, a.rd(), saturatingAbs(e, source(a, e), true));
  }

  static void CMGT0_v(Args.SimdMisc a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.GT);
  }

  static void CMGE0_v(Args.SimdMisc a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.GE);
  }

  static void CMEQ0_v(Args.SimdMisc a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.EQ);
  }

  static void CMLE0_v(Args.SimdMisc a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.LE);
  }

  static void CMLT0_v(Args.SimdMisc a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.LT);
  }

  static void CMGT0_s(Args.SimdMiscScalar a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.GT);
  }

  static void CMGE0_s(Args.SimdMiscScalar a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.GE);
  }

  static void CMEQ0_s(Args.SimdMiscScalar a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.EQ);
  }

  static void CMLE0_s(Args.SimdMiscScalar a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.LE);
  }

  static void CMLT0_s(Args.SimdMiscScalar a, Emitter e) {
    compareZero(e, a.rd(), source(a, e), Compare.LT);
  }

  static void ABS_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), abs(e.ir, source(a, e)));
  }

  static void NEG_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.neg(source(a, e)));
  }

  static void ABS_s(Args.SimdMiscScalar a, Emitter e) {
    Simd.write(e, a.rd(), abs(e.ir, source(a, e)));
  }

  static void NEG_s(Args.SimdMiscScalar a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.neg(source(a, e)));
  }

  static void XTN(Args.SimdMisc a, Emitter e) {
    narrowVector(a, e, Narrowing.TRUNCATE);
  }

  static void SQXTUN_v(Args.SimdMisc a, Emitter e) {
    narrowVector(a, e, Narrowing.SIGNED_TO_UNSIGNED);
  }

  static void SQXTN_v(Args.SimdMisc a, Emitter e) {
    narrowVector(a, e, Narrowing.SIGNED);
  }

  static void UQXTN_v(Args.SimdMisc a, Emitter e) {
    narrowVector(a, e, Narrowing.UNSIGNED);
  }

  static void SQXTUN_s(Args.SimdMiscScalar a, Emitter e) {
    narrowScalar(a, e, Narrowing.SIGNED_TO_UNSIGNED);
  }

  static void SQXTN_s(Args.SimdMiscScalar a, Emitter e) {
    narrowScalar(a, e, Narrowing.SIGNED);
  }

  static void UQXTN_s(Args.SimdMiscScalar a, Emitter e) {
    narrowScalar(a, e, Narrowing.UNSIGNED);
  }

  static void SUQADD_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), signedPlusUnsigned(e, Simd.arranged(e, a.rd(), a.q(), a.size()), source(a, e)));
  }

  static void USQADD_v(Args.SimdMisc a, Emitter e) {
    Simd.write(e, a.rd(), unsignedPlusSigned(e, Simd.arranged(e, a.rd(), a.q(), a.size()), source(a, e)));
  }

  static void SUQADD_s(Args.SimdMiscScalar a, Emitter e) {
    LLVMValueRef d = Simd.read(e, a.rd(), Simd.bits(a.size()), 1);
    Simd.write(e, a.rd(), signedPlusUnsigned(e, d, source(a, e)));
  }

  static void USQADD_s(Args.SimdMiscScalar a, Emitter e) {
    LLVMValueRef d = Simd.read(e, a.rd(), Simd.bits(a.size()), 1);
    Simd.write(e, a.rd(), unsignedPlusSigned(e, d, source(a, e)));
  }

  /**
   * URECPE (UnsignedRecipEstimate): all ones below 0x80000000; else, of the top 9 bits i, ((2^19 / (2i + 1)) + 1)
   * / 2 in the top 9 bits.
   */
  static void URECPE_v(Args.SimdMisc a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = source(a, e);
    LLVMValueRef top = ir.lshr(x, ir.c(x, 23));
    LLVMValueRef quotient = ir.udiv(ir.c(x, 1 << 19), ir.add(ir.add(top, top), ir.c(x, 1)));
    LLVMValueRef estimate = ir.shl(ir.lshr(ir.add(quotient, ir.c(x, 1)), ir.c(x, 1)), ir.c(x, 23));
    Simd.write(e, a.rd(), ir.select(ir.slt(x, ir.c(x, 0)), estimate, ir.c(x, -1)));
  }

  /** URSQRTE (UnsignedRSqrtEstimate): looked up by the top 9 bits (all ones below 0x40000000). */
  static void URSQRTE_v(Args.SimdMisc a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = source(a, e);
    LLVMValueRef top = ir.lshr(x, ir.c(x, 23));
    LLVMValueRef result = x;
    for (int lane = 0; lane < IrBuilder.lanes(x); lane++) {
      LLVMValueRef entry = e.tableEntry("elfconv.ursqrte", RSQRT_ESTIMATES, ir.extract(top, ir.c(32, lane)));
      result = ir.insert(result, entry, lane);
    }
    Simd.write(e, a.rd(), result);
  }

  /** URSQRTE's results by the top 9 bits of the operand (RecipSqrtEstimate of the Arm ARM, 8-bit precision). */
  private static final int[] RSQRT_ESTIMATES = new int[512];

  static {
    for (int i = 0; i < 512; i++) {
      if (i < 128) {
        RSQRT_ESTIMATES[i] = -1;
        continue;
      }
      long scaled = i < 256 ? i * 2 + 1 : ((i >> 1) << 1) + 1 << 1;
      long b = 512;
      while (scaled * (b + 1) * (b + 1) < 1L << 28) {
        b++;
      }
      RSQRT_ESTIMATES[i] = (int) ((b + 1) / 2) << 23;
    }
  }

  /** SUQADD: signed d plus unsigned n, signed saturated: an unsigned saturating add with the sign bit flipped. */
  private static LLVMValueRef signedPlusUnsigned(Emitter e, LLVMValueRef d, LLVMValueRef n) {
    IrBuilder ir = e.ir;
    LLVMValueRef sign = ir.c(d, 1L << (IrBuilder.width(d) - 1));
    LLVMValueRef result = ir.xor(ir.intrinsic("llvm.uadd.sat", ir.xor(d, sign), n), sign);
    Simd.saturation(e, ir.ne(result, ir.add(d, n)));
    return result;
  }

  /** USQADD: unsigned d plus signed n, unsigned saturated. */
  private static LLVMValueRef unsignedPlusSigned(Emitter e, LLVMValueRef d, LLVMValueRef n) {
    IrBuilder ir = e.ir;
    LLVMValueRef down = ir.intrinsic("llvm.usub.sat", d, ir.neg(n));
    LLVMValueRef result = ir.select(ir.slt(n, ir.c(n, 0)), down, ir.intrinsic("llvm.uadd.sat", d, n));
    Simd.saturation(e, ir.ne(result, ir.add(d, n)));
    return result;
  }

  /** SHLL, SHLL2: the lower or upper half widened and shifted left by the lane width. */
  static void SHLL_v(Args.SimdMisc a, Emitter e) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.size());
    LLVMValueRef half = Simd.half(ir, Simd.arranged(e, a.rn(), 1, a.size()), a.q() == 1);
    LLVMValueRef wide = ir.widen(half, 2 * bits, false);
    Simd.write(e, a.rd(), ir.shl(wide, ir.c(wide, bits)));
  }

  /** Vn in the instruction's arrangement. */
  private static LLVMValueRef source(Args.SimdMisc a, Emitter e) {
    return Simd.arranged(e, a.rn(), a.q(), a.size());
  }

  /** The scalar operand: one lane of the element size. */
  private static LLVMValueRef source(Args.SimdMiscScalar a, Emitter e) {
    return Simd.read(e, a.rn(), Simd.bits(a.size()), 1);
  }

  private static LLVMValueRef abs(IrBuilder ir, LLVMValueRef x) {
    return ir.intrinsic("llvm.abs", x, ir.c(1, 0));
  }

  /** SQABS, SQNEG: the most negative value saturates (and sets FPSR.QC). */
  private static LLVMValueRef saturatingAbs(Emitter e, LLVMValueRef x, boolean negate) {
    IrBuilder ir = e.ir;
    LLVMValueRef min = ir.c(x, 1L << (IrBuilder.width(x) - 1));
    LLVMValueRef overflow = ir.eq(x, min);
    Simd.saturation(e, overflow);
    LLVMValueRef exact = negate ? ir.neg(x) : abs(ir, x);
    return ir.select(overflow, ir.not(min), exact);
  }

  private enum Compare { GT, GE, EQ, LE, LT }

  /** Each lane all ones where it compares (signed) with zero as asked, else zero. */
  private static void compareZero(Emitter e, int rd, LLVMValueRef x, Compare how) {
    IrBuilder ir = e.ir;
    LLVMValueRef zero = ir.c(x, 0);
    LLVMValueRef holds = switch (how) {
      case GT -> ir.sgt(x, zero);
      case GE -> ir.sge(x, zero);
      case EQ -> ir.eq(x, zero);
      case LE -> ir.sle(x, zero);
      case LT -> ir.slt(x, zero);
    };
    Simd.write(e, rd, ir.laneMask(holds, IrBuilder.width(x)));
  }

  /** SADALP, UADALP: the pair sums added to Vd's lanes of twice the width. */
  private static void accumulatePairs(Args.SimdMisc a, Emitter e, boolean unsigned) {
    LLVMValueRef sums = pairSums(e.ir, source(a, e), unsigned);
    Simd.write(e, a.rd(), e.ir.add(Simd.arranged(e, a.rd(), a.q(), a.size() + 1), sums));
  }

  /** XTN, SQXTUN, SQXTN, UQXTN and their "2" forms, which write the upper half of Vd. */
  private static void narrowVector(Args.SimdMisc a, Emitter e, Narrowing how) {
    LLVMValueRef wide = Simd.arranged(e, a.rn(), 1, a.size() + 1);
    Simd.writeNarrow(e, a.q(), a.rd(), narrow(e, wide, Simd.bits(a.size()), how));
  }

  private static void narrowScalar(Args.SimdMiscScalar a, Emitter e, Narrowing how) {
    int bits = Simd.bits(a.size());
    LLVMValueRef wide = Simd.read(e, a.rn(), 2 * bits, 1);
    Simd.write(e, a.rd(), narrow(e, wide, bits, how));
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
