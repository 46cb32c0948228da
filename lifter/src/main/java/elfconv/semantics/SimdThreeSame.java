package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD integer operations on two vectors of the same arrangement, lane by lane; also their scalar forms
 * (one lane: the rest of the register is cleared, and only that lane saturates).
 */
final class SimdThreeSame {
  private SimdThreeSame() {}

  /** A lane-by-lane operation on Vn and Vm. */
  private interface Lanes {
    LLVMValueRef apply(IrBuilder ir, LLVMValueRef n, LLVMValueRef m);
  }

  /** A lane-by-lane operation that also reads Vd: accumulations and bit selections. */
  private interface Accumulating {
    LLVMValueRef apply(Emitter e, LLVMValueRef n, LLVMValueRef m, LLVMValueRef d);
  }

  // Halving additions and subtractions

  static void SHADD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, false, false, false));
  }

  static void UHADD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, true, false, false));
  }

  static void SRHADD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, false, false, true));
  }

  static void URHADD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, true, false, true));
  }

  static void SHSUB_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, false, true, false));
  }

  static void UHSUB_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> halving(ir, n, m, true, true, false));
  }

  // Saturating additions and subtractions

  static void SQADD_v(Args.SimdThreeSame a, Emitter e) {
    saturatingVector(a, e, false, true);
  }

  static void UQADD_v(Args.SimdThreeSame a, Emitter e) {
    saturatingVector(a, e, true, true);
  }

  static void SQSUB_v(Args.SimdThreeSame a, Emitter e) {
    saturatingVector(a, e, false, false);
  }

  static void UQSUB_v(Args.SimdThreeSame a, Emitter e) {
    saturatingVector(a, e, true, false);
  }

  static void SQADD_s(Args.SimdScalarSame a, Emitter e) {
    saturatingScalar(a, e, false, true);
  }

  static void UQADD_s(Args.SimdScalarSame a, Emitter e) {
    saturatingScalar(a, e, true, true);
  }

  static void SQSUB_s(Args.SimdScalarSame a, Emitter e) {
    saturatingScalar(a, e, false, false);
  }

  static void UQSUB_s(Args.SimdScalarSame a, Emitter e) {
    saturatingScalar(a, e, true, false);
  }

  // Logical operations and bit selections (on bytes)

  static void AND_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::and);
  }

  static void BIC_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.and(n, ir.not(m)));
  }

  static void ORR_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::or);
  }

  static void ORN_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.or(n, ir.not(m)));
  }

  static void EOR_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::xor);
  }

  /** BSL: Vd selects between Vn (where set) and Vm. */
  static void BSL_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.or(x.ir.and(d, n), x.ir.and(x.ir.not(d), m)));
  }

  /** BIT: Vn inserted where Vm is set. */
  static void BIT_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.or(x.ir.and(n, m), x.ir.and(d, x.ir.not(m))));
  }

  /** BIF: Vn inserted where Vm is clear. */
  static void BIF_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.or(x.ir.and(d, m), x.ir.and(n, x.ir.not(m))));
  }

  // Comparisons: all ones in a lane where true

  static void CMGT_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> mask(ir, ir.sgt(n, m), n));
  }

  static void CMHI_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> mask(ir, ir.ugt(n, m), n));
  }

  static void CMGE_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> mask(ir, ir.sge(n, m), n));
  }

  static void CMHS_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> mask(ir, ir.uge(n, m), n));
  }

  static void CMTST_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, SimdThreeSame::test);
  }

  static void CMEQ_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> mask(ir, ir.eq(n, m), n));
  }

  static void CMGT_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> mask(ir, ir.sgt(n, m), n));
  }

  static void CMHI_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> mask(ir, ir.ugt(n, m), n));
  }

  static void CMGE_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> mask(ir, ir.sge(n, m), n));
  }

  static void CMHS_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> mask(ir, ir.uge(n, m), n));
  }

  static void CMTST_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, SimdThreeSame::test);
  }

  static void CMEQ_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> mask(ir, ir.eq(n, m), n));
  }

  // Shifts by register

  static void SSHL_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> shift(ir, n, m, false));
  }

  static void USHL_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> shift(ir, n, m, true));
  }

  static void SSHL_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> shift(ir, n, m, false));
  }

  static void USHL_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, (ir, n, m) -> shift(ir, n, m, true));
  }

  // Rounding and saturating shifts by register

  static void SQSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, false, false, true);
  }

  static void UQSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, true, false, true);
  }

  static void SRSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, false, true, false);
  }

  static void URSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, true, true, false);
  }

  static void SQRSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, false, true, true);
  }

  static void UQRSHL_v(Args.SimdThreeSame a, Emitter e) {
    shiftVector(a, e, true, true, true);
  }

  static void SQSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, false, false, true);
  }

  static void UQSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, true, false, true);
  }

  static void SRSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, false, true, false);
  }

  static void URSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, true, true, false);
  }

  static void SQRSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, false, true, true);
  }

  static void UQRSHL_s(Args.SimdScalarSame a, Emitter e) {
    shiftScalar(a, e, true, true, true);
  }

  // Doubling multiplies returning the high half (H and S elements), saturating

  static void SQDMULH_v(Args.SimdThreeSame a, Emitter e) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    Simd.write(e, a.rd(), SimdIndexed.doublingHigh(e, n, m, false));
  }

  static void SQRDMULH_v(Args.SimdThreeSame a, Emitter e) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    Simd.write(e, a.rd(), SimdIndexed.doublingHigh(e, n, m, true));
  }

  static void SQDMULH_s(Args.SimdScalarSame a, Emitter e) {
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.read(e, a.rn(), bits, 1);
    Simd.write(e, a.rd(), SimdIndexed.doublingHigh(e, n, Simd.read(e, a.rm(), bits, 1), false));
  }

  static void SQRDMULH_s(Args.SimdScalarSame a, Emitter e) {
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.read(e, a.rn(), bits, 1);
    Simd.write(e, a.rd(), SimdIndexed.doublingHigh(e, n, Simd.read(e, a.rm(), bits, 1), true));
  }

  // Maximum, minimum, absolute difference

  static void SMAX_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.intrinsic("llvm.smax", n, m));
  }

  static void UMAX_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.intrinsic("llvm.umax", n, m));
  }

  static void SMIN_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.intrinsic("llvm.smin", n, m));
  }

  static void UMIN_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> ir.intrinsic("llvm.umin", n, m));
  }

  static void SABD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> difference(ir, n, m, false));
  }

  static void UABD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> difference(ir, n, m, true));
  }

  static void SABA_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.add(d, difference(x.ir, n, m, false)));
  }

  static void UABA_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.add(d, difference(x.ir, n, m, true)));
  }

  // Additions, subtractions, multiplications

  static void ADD_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::add);
  }

  static void SUB_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::sub);
  }

  static void ADD_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, IrBuilder::add);
  }

  static void SUB_s(Args.SimdScalarSame a, Emitter e) {
    scalar(a, e, IrBuilder::sub);
  }

  static void MLA_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.add(d, x.ir.mul(n, m)));
  }

  static void MLS_v(Args.SimdThreeSame a, Emitter e) {
    accumulate(a, e, (x, n, m, d) -> x.ir.sub(d, x.ir.mul(n, m)));
  }

  static void MUL_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, IrBuilder::mul);
  }

  static void PMUL_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, SimdThreeSame::polynomialMultiply);
  }

  // Pairwise operations

  static void SMAXP_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> pairwise(ir, n, m, "llvm.smax"));
  }

  static void UMAXP_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> pairwise(ir, n, m, "llvm.umax"));
  }

  static void SMINP_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> pairwise(ir, n, m, "llvm.smin"));
  }

  static void UMINP_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> pairwise(ir, n, m, "llvm.umin"));
  }

  static void ADDP_v(Args.SimdThreeSame a, Emitter e) {
    vector(a, e, (ir, n, m) -> pairwise(ir, n, m, null));
  }

  // Shapes

  private static void vector(Args.SimdThreeSame a, Emitter e, Lanes op) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    Simd.write(e, a.rd(), op.apply(e.ir, n, m));
  }

  private static void saturatingVector(Args.SimdThreeSame a, Emitter e, boolean unsigned, boolean add) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    Simd.write(e, a.rd(), saturating(e, n, m, unsigned, add));
  }

  private static void accumulate(Args.SimdThreeSame a, Emitter e, Accumulating op) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    LLVMValueRef d = Simd.arranged(e, a.rd(), a.q(), a.size());
    Simd.write(e, a.rd(), op.apply(e, n, m, d));
  }

  private static void scalar(Args.SimdScalarSame a, Emitter e, Lanes op) {
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.read(e, a.rn(), bits, 1);
    LLVMValueRef m = Simd.read(e, a.rm(), bits, 1);
    Simd.write(e, a.rd(), op.apply(e.ir, n, m));
  }

  private static void saturatingScalar(Args.SimdScalarSame a, Emitter e, boolean unsigned, boolean add) {
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.read(e, a.rn(), bits, 1);
    LLVMValueRef m = Simd.read(e, a.rm(), bits, 1);
    Simd.write(e, a.rd(), saturating(e, n, m, unsigned, add));
  }

  // Helpers

  private static LLVMValueRef mask(IrBuilder ir, LLVMValueRef condition, LLVMValueRef like) {
    return ir.laneMask(condition, IrBuilder.width(like));
  }

  private static LLVMValueRef test(IrBuilder ir, LLVMValueRef n, LLVMValueRef m) {
    return mask(ir, ir.ne(ir.and(n, m), ir.c(n, 0)), n);
  }

  /** The saturated sum or difference; FPSR.QC set where it differs from the wrapped one. */
  private static LLVMValueRef saturating(Emitter e, LLVMValueRef n, LLVMValueRef m, boolean unsigned,
      boolean add) {
    IrBuilder ir = e.ir;
    String kind = (unsigned ? "llvm.u" : "llvm.s") + (add ? "add.sat" : "sub.sat");
    LLVMValueRef saturated = ir.intrinsic(kind, n, m);
    Simd.saturation(e, ir.ne(saturated, add ? ir.add(n, m) : ir.sub(n, m)));
    return saturated;
  }

  /** (a + b) >> 1, (a + b + 1) >> 1 and (a - b) >> 1 without losing the carry: computed one bit wider. */
  private static LLVMValueRef halving(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean u, boolean subtract,
      boolean round) {
    int bits = IrBuilder.width(a);
    LLVMValueRef wa = ir.widen(a, bits * 2, !u);
    LLVMValueRef wb = ir.widen(b, bits * 2, !u);
    LLVMValueRef sum = subtract ? ir.sub(wa, wb) : ir.add(wa, wb);
    if (round) {
      sum = ir.add(sum, ir.c(sum, 1));
    }
    return ir.widen(ir.ashr(sum, ir.c(sum, 1)), bits, false);
  }

  /** SSHL/USHL: shift left by the signed low byte of b; a negative amount shifts right. */
  private static LLVMValueRef shift(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean u) {
    int bits = IrBuilder.width(a);
    LLVMValueRef amount = ir.widen(ir.widen(b, 8, false), bits, true);
    LLVMValueRef limit = ir.c(a, bits - 1);
    LLVMValueRef left = ir.select(ir.sgt(amount, limit), ir.c(a, 0), ir.shl(a, ir.and(amount, limit)));
    // Compared before negating: -(-128) does not fit a byte lane.
    LLVMValueRef beyond = ir.sle(amount, ir.c(a, -bits));
    LLVMValueRef distance = ir.and(ir.neg(amount), limit);
    LLVMValueRef right = u ? ir.select(beyond, ir.c(a, 0), ir.lshr(a, distance))
        : ir.ashr(a, ir.select(beyond, limit, distance));
    return ir.select(ir.slt(amount, ir.c(a, 0)), right, left);
  }

  private static void shiftVector(Args.SimdThreeSame a, Emitter e, boolean u, boolean round, boolean saturate) {
    LLVMValueRef n = Simd.arranged(e, a.rn(), a.q(), a.size());
    LLVMValueRef m = Simd.arranged(e, a.rm(), a.q(), a.size());
    Simd.write(e, a.rd(), shiftBy(e, n, m, u, round, saturate));
  }

  private static void shiftScalar(Args.SimdScalarSame a, Emitter e, boolean u, boolean round, boolean saturate) {
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.read(e, a.rn(), bits, 1);
    LLVMValueRef m = Simd.read(e, a.rm(), bits, 1);
    Simd.write(e, a.rd(), shiftBy(e, n, m, u, round, saturate));
  }

  /**
   * SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL: x shifted left by the signed low byte s of b, right by -s when
   * negative. A rounded right shift by k (1 to the lane width) is (y >> 1) + (y & 1) with y = x >> (k - 1), which
   * cannot overflow (k - 1 is ~s); further right, it gives 0. Unrounded, a signed shift right by the lane width or
   * more leaves the sign, an unsigned one 0. Left by the lane width or more gives 0 (saturating: unless x is 0)
   * and a saturating left shift that loses bits gives the extreme of x's sign (all ones unsigned) and sets QC.
   */
  private static LLVMValueRef shiftBy(Emitter e, LLVMValueRef x, LLVMValueRef b, boolean u, boolean round,
      boolean saturate) {
    IrBuilder ir = e.ir;
    int bits = IrBuilder.width(x);
    LLVMValueRef s = ir.widen(ir.widen(b, 8, false), bits, true);
    LLVMValueRef limit = ir.c(x, bits - 1);
    LLVMValueRef zero = ir.c(x, 0);
    LLVMValueRef negative = ir.slt(s, zero);
    // Right shifts (s < 0); compared before negating: -(-128) does not fit a byte lane.
    LLVMValueRef right;
    if (round) {
      LLVMValueRef within = ir.sge(s, ir.c(x, -bits));
      LLVMValueRef before = ir.and(ir.not(s), limit);
      LLVMValueRef y = u ? ir.lshr(x, before) : ir.ashr(x, before);
      LLVMValueRef one = ir.c(x, 1);
      LLVMValueRef rounded = ir.add(u ? ir.lshr(y, one) : ir.ashr(y, one), ir.and(y, one));
      right = ir.select(within, rounded, zero);
    } else {
      LLVMValueRef beyond = ir.sle(s, ir.c(x, -bits));
      LLVMValueRef distance = ir.and(ir.neg(s), limit);
      right = u ? ir.select(beyond, zero, ir.lshr(x, distance)) : ir.ashr(x, ir.select(beyond, limit, distance));
    }
    // Left shifts (s >= 0)
    LLVMValueRef inRange = ir.slt(s, ir.c(x, bits));
    LLVMValueRef amount = ir.and(s, limit);
    LLVMValueRef shifted = ir.shl(x, amount);
    LLVMValueRef left = ir.select(inRange, shifted, zero);
    if (saturate) {
      LLVMValueRef back = u ? ir.lshr(shifted, amount) : ir.ashr(shifted, amount);
      LLVMValueRef lost = ir.select(inRange, ir.ne(back, x), ir.ne(x, zero));
      LLVMValueRef overflow = ir.and(lost, ir.not(negative));
      Simd.saturation(e, overflow);
      LLVMValueRef extreme = u ? ir.c(x, -1) : ir.xor(ir.ashr(x, limit), ir.c(x, bits == 64 ? Long.MAX_VALUE
          : (1L << (bits - 1)) - 1));
      left = ir.select(lost, extreme, left);
    }
    return ir.select(negative, right, left);
  }

  private static LLVMValueRef difference(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean u) {
    LLVMValueRef greater = u ? ir.ugt(a, b) : ir.sgt(a, b);
    return ir.select(greater, ir.sub(a, b), ir.sub(b, a));
  }

  /** PMUL: carry-less products of bytes, kept to 8 bits. */
  static LLVMValueRef polynomialMultiply(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef result = ir.c(a, 0);
    for (int bit = 0; bit < 8; bit++) {
      LLVMValueRef set = ir.ne(ir.and(b, ir.c(b, 1L << bit)), ir.c(b, 0));
      result = ir.xor(result, ir.select(set, ir.shl(a, ir.c(a, bit)), ir.c(a, 0)));
    }
    return result;
  }

  /** The pairwise operations: lanes of a then b taken two by two, added (no intrinsic) or compared. */
  private static LLVMValueRef pairwise(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, String intrinsic) {
    int lanes = IrBuilder.lanes(a);
    int[] even = new int[lanes];
    int[] odd = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      even[k] = 2 * k;
      odd[k] = 2 * k + 1;
    }
    LLVMValueRef x = ir.shuffle(a, b, even);
    LLVMValueRef y = ir.shuffle(a, b, odd);
    return intrinsic == null ? ir.add(x, y) : ir.intrinsic(intrinsic, x, y);
  }
}
