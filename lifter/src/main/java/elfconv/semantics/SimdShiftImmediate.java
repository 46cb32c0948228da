package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD shifts by an immediate: SSHR/USHR and their rounding and accumulating forms, SRI, SHL, SLI, the
 * narrowing SHRN/RSHRN and the widening SSHLL/USHLL (SXTL/UXTL for shift 0); also the scalar D forms, which are the
 * vector forms on one 64-bit lane. The saturating SQSHL, UQSHL, SQSHLU and the saturating narrowing SQSHRN, UQSHRN,
 * SQSHRUN (and rounding) also have scalar forms of every element size; they set FPSR.QC. A left shift is by
 * {@code imm}, a right shift by the lane width less {@code imm}.
 */
final class SimdShiftImmediate {
  private SimdShiftImmediate() {}

  static void SSHR_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, false, false);
  }

  static void USHR_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, false, false);
  }

  static void SSRA_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, false, true);
  }

  static void USRA_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, false, true);
  }

  static void SRSHR_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, true, false);
  }

  static void URSHR_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, true, false);
  }

  static void SRSRA_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, true, true);
  }

  static void URSRA_v(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, true, true);
  }

  static void SRI_v(Args.SimdShift a, Emitter e) {
    shiftRightInsert(a, e);
  }

  static void SHL_v(Args.SimdShift a, Emitter e) {
    shiftLeft(a, e, false);
  }

  static void SLI_v(Args.SimdShift a, Emitter e) {
    shiftLeft(a, e, true);
  }

  static void SSHR_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, false, false);
  }

  static void USHR_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, false, false);
  }

  static void SSRA_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, false, true);
  }

  static void USRA_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, false, true);
  }

  static void SRSHR_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, true, false);
  }

  static void URSHR_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, true, false);
  }

  static void SRSRA_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, false, true, true);
  }

  static void URSRA_s(Args.SimdShift a, Emitter e) {
    shiftRight(a, e, true, true, true);
  }

  static void SRI_s(Args.SimdShift a, Emitter e) {
    shiftRightInsert(a, e);
  }

  static void SHL_s(Args.SimdShift a, Emitter e) {
    shiftLeft(a, e, false);
  }

  static void SLI_s(Args.SimdShift a, Emitter e) {
    shiftLeft(a, e, true);
  }

  static void SHRN_v(Args.SimdShift a, Emitter e) {
    shiftRightNarrow(a, e, false);
  }

  static void RSHRN_v(Args.SimdShift a, Emitter e) {
    shiftRightNarrow(a, e, true);
  }

  static void SSHLL_v(Args.SimdShift a, Emitter e) {
    shiftLeftLong(a, e, false);
  }

  static void USHLL_v(Args.SimdShift a, Emitter e) {
    shiftLeftLong(a, e, true);
  }

  static void SQSHL_vi(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, source(a, e), a.imm(), Left.SIGNED));
  }

  static void SQSHL_si(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, scalar(a, e), a.imm(), Left.SIGNED));
  }

  static void UQSHL_vi(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, source(a, e), a.imm(), Left.UNSIGNED));
  }

  static void UQSHL_si(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, scalar(a, e), a.imm(), Left.UNSIGNED));
  }

  static void SQSHLU_vi(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, source(a, e), a.imm(), Left.SIGNED_TO_UNSIGNED));
  }

  static void SQSHLU_si(Args.SimdShift a, Emitter e) {
    Simd.write(e, a.rd(), saturatingLeft(e, scalar(a, e), a.imm(), Left.SIGNED_TO_UNSIGNED));
  }

  static void SQSHRN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, false, false, SimdTwoRegister.Narrowing.SIGNED);
  }

  static void SQSHRN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, false, false, SimdTwoRegister.Narrowing.SIGNED);
  }

  static void UQSHRN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, true, false, SimdTwoRegister.Narrowing.UNSIGNED);
  }

  static void UQSHRN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, true, false, SimdTwoRegister.Narrowing.UNSIGNED);
  }

  static void SQSHRUN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, false, false, SimdTwoRegister.Narrowing.SIGNED_TO_UNSIGNED);
  }

  static void SQSHRUN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, false, false, SimdTwoRegister.Narrowing.SIGNED_TO_UNSIGNED);
  }

  static void SQRSHRN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, false, true, SimdTwoRegister.Narrowing.SIGNED);
  }

  static void SQRSHRN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, false, true, SimdTwoRegister.Narrowing.SIGNED);
  }

  static void UQRSHRN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, true, true, SimdTwoRegister.Narrowing.UNSIGNED);
  }

  static void UQRSHRN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, true, true, SimdTwoRegister.Narrowing.UNSIGNED);
  }

  static void SQRSHRUN_v(Args.SimdShift a, Emitter e) {
    narrowingVector(a, e, false, true, SimdTwoRegister.Narrowing.SIGNED_TO_UNSIGNED);
  }

  static void SQRSHRUN_si(Args.SimdShift a, Emitter e) {
    narrowingScalar(a, e, false, true, SimdTwoRegister.Narrowing.SIGNED_TO_UNSIGNED);
  }

  private enum Left { SIGNED, UNSIGNED, SIGNED_TO_UNSIGNED }

  /** The scalar operand: one lane of esz. */
  private static LLVMValueRef scalar(Args.SimdShift a, Emitter e) {
    return Simd.read(e, a.rn(), Simd.bits(a.esz()), 1);
  }

  /**
   * SQSHL, UQSHL, SQSHLU (immediate): x shifted left by {@code shift}; where bits are lost (shifting back differs),
   * the extreme of x's sign (unsigned results: all ones) and QC. SQSHLU gives 0 (and QC) for negative lanes.
   */
  private static LLVMValueRef saturatingLeft(Emitter e, LLVMValueRef x, int shift, Left how) {
    IrBuilder ir = e.ir;
    int bits = IrBuilder.width(x);
    LLVMValueRef amount = ir.c(x, shift);
    LLVMValueRef shifted = ir.shl(x, amount);
    LLVMValueRef back = how == Left.SIGNED ? ir.ashr(shifted, amount) : ir.lshr(shifted, amount);
    LLVMValueRef lost = ir.ne(back, x);
    if (how == Left.SIGNED) {
      Simd.saturation(e, lost);
      long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
      return ir.select(lost, ir.xor(ir.ashr(x, ir.c(x, bits - 1)), ir.c(x, max)), shifted);
    }
    LLVMValueRef result = ir.select(lost, ir.c(x, -1), shifted);
    if (how == Left.UNSIGNED) {
      Simd.saturation(e, lost);
      return result;
    }
    LLVMValueRef negative = ir.slt(x, ir.c(x, 0));
    Simd.saturation(e, ir.or(negative, lost));
    return ir.select(negative, ir.c(x, 0), result);
  }

  /**
   * The right shift of the saturating narrowing shifts: lanes twice as wide shifted by 1 to the narrow width,
   * rounded as (y >> 1) + (y & 1) with y shifted one less, which cannot overflow.
   */
  private static LLVMValueRef wideShiftedRight(IrBuilder ir, LLVMValueRef wide, int shift, boolean unsigned,
      boolean round) {
    if (!round) {
      return unsigned ? ir.lshr(wide, ir.c(wide, shift)) : ir.ashr(wide, ir.c(wide, shift));
    }
    LLVMValueRef y = unsigned ? ir.lshr(wide, ir.c(wide, shift - 1)) : ir.ashr(wide, ir.c(wide, shift - 1));
    LLVMValueRef one = ir.c(wide, 1);
    return ir.add(unsigned ? ir.lshr(y, one) : ir.ashr(y, one), ir.and(y, one));
  }

  /** SQSHRN, UQSHRN, SQSHRUN, their rounding forms and their "2" forms (the upper half of Vd). */
  private static void narrowingVector(Args.SimdShift a, Emitter e, boolean unsigned, boolean round,
      SimdTwoRegister.Narrowing how) {
    LLVMValueRef wide = Simd.arranged(e, a.rn(), 1, a.esz() + 1);
    LLVMValueRef shifted = wideShiftedRight(e.ir, wide, rightAmount(a), unsigned, round);
    Simd.writeNarrow(e, a.q(), a.rd(), SimdTwoRegister.narrow(e, shifted, Simd.bits(a.esz()), how));
  }

  private static void narrowingScalar(Args.SimdShift a, Emitter e, boolean unsigned, boolean round,
      SimdTwoRegister.Narrowing how) {
    int bits = Simd.bits(a.esz());
    LLVMValueRef wide = Simd.read(e, a.rn(), 2 * bits, 1);
    LLVMValueRef shifted = wideShiftedRight(e.ir, wide, rightAmount(a), unsigned, round);
    Simd.write(e, a.rd(), SimdTwoRegister.narrow(e, shifted, bits, how));
  }

  /** The amount of a right shift: 1 to the lane width. */
  private static int rightAmount(Args.SimdShift a) {
    return Simd.bits(a.esz()) - a.imm();
  }

  private static LLVMValueRef source(Args.SimdShift a, Emitter e) {
    return Simd.arranged(e, a.rn(), a.q(), a.esz());
  }

  /** SHL, and SLI, which keeps the destination's bits below the shift. */
  private static void shiftLeft(Args.SimdShift a, Emitter e, boolean insert) {
    IrBuilder ir = e.ir;
    int shift = a.imm();
    LLVMValueRef x = source(a, e);
    LLVMValueRef shifted = ir.shl(x, ir.c(x, shift));
    if (insert) {
      LLVMValueRef kept = ir.and(Simd.arranged(e, a.rd(), a.q(), a.esz()), ir.c(x, (1L << shift) - 1));
      shifted = ir.or(shifted, kept);
    }
    Simd.write(e, a.rd(), shifted);
  }

  /**
   * Right shifts by up to the lane width, with rounding, in lanes twice as wide: the shifted lanes, truncated to
   * the lane width.
   */
  private static LLVMValueRef shiftedRight(Args.SimdShift a, Emitter e, boolean unsigned, boolean round) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.esz());
    int shift = rightAmount(a);
    LLVMValueRef wide = ir.widen(source(a, e), 2 * bits, !unsigned);
    if (round) {
      wide = ir.add(wide, ir.c(wide, 1L << (shift - 1)));
    }
    LLVMValueRef shifted = unsigned ? ir.lshr(wide, ir.c(wide, shift)) : ir.ashr(wide, ir.c(wide, shift));
    return ir.widen(shifted, bits, false);
  }

  /** SSHR, USHR, SRSHR, URSHR and, adding to the destination, SSRA, USRA, SRSRA, URSRA. */
  private static void shiftRight(Args.SimdShift a, Emitter e, boolean unsigned, boolean round, boolean accumulate) {
    LLVMValueRef result = shiftedRight(a, e, unsigned, round);
    if (accumulate) {
      result = e.ir.add(Simd.arranged(e, a.rd(), a.q(), a.esz()), result);
    }
    Simd.write(e, a.rd(), result);
  }

  /** SRI: the shifted lanes replace the destination's bits they cover; its top {@code shift} bits stay. */
  private static void shiftRightInsert(Args.SimdShift a, Emitter e) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.esz());
    int shift = rightAmount(a);
    LLVMValueRef wide = ir.widen(source(a, e), 2 * bits, false);
    LLVMValueRef result = ir.widen(ir.lshr(wide, ir.c(wide, shift)), bits, false);
    LLVMValueRef ones = ir.c(wide, bits == 64 ? -1L : (1L << bits) - 1);
    LLVMValueRef inserted = ir.widen(ir.lshr(ones, ir.c(wide, shift)), bits, false);
    Simd.write(e, a.rd(), ir.or(ir.and(Simd.arranged(e, a.rd(), a.q(), a.esz()), ir.not(inserted)), result));
  }

  /** SHRN, RSHRN and their "2" forms: lanes twice as wide shifted right into lanes of esz. */
  private static void shiftRightNarrow(Args.SimdShift a, Emitter e, boolean round) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.esz());
    int shift = rightAmount(a);
    LLVMValueRef wide = Simd.arranged(e, a.rn(), 1, a.esz() + 1);
    if (round) {
      wide = ir.add(wide, ir.c(wide, 1L << (shift - 1)));
    }
    Simd.writeNarrow(e, a.q(), a.rd(), ir.widen(ir.lshr(wide, ir.c(wide, shift)), bits, false));
  }

  /** SSHLL, USHLL and their "2" forms: the lower or upper half widened, then shifted left. */
  private static void shiftLeftLong(Args.SimdShift a, Emitter e, boolean unsigned) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.esz());
    LLVMValueRef half = Simd.half(ir, Simd.arranged(e, a.rn(), 1, a.esz()), a.q() == 1);
    LLVMValueRef wide = ir.widen(half, 2 * bits, !unsigned);
    Simd.write(e, a.rd(), ir.shl(wide, ir.c(wide, a.imm())));
  }
}
