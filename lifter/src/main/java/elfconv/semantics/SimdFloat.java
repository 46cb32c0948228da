package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOEQ;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOGT;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import elfconv.semantics.FloatDataProcessing2.Operation;
import elfconv.semantics.FloatElement.Native;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD floating point, lane by lane with the scalar instructions' element code ({@link FloatElement}):
 * arithmetic, fused multiply-add, compares (all ones or zero per lane), rounding, integer conversions, pairwise
 * and across-lanes reductions, by-element forms, and FCVTL/FCVTN between formats.
 */
final class SimdFloat {
  private SimdFloat() {}

  // ---- three registers of the same arrangement

  static void FADD_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.ADD, FloatElement.Operation.ADD));
  }

  static void FSUB_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.SUB, FloatElement.Operation.SUB));
  }

  static void FMUL_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.MUL, FloatElement.Operation.MUL));
  }

  static void FDIV_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.DIV, FloatElement.Operation.DIV));
  }

  static void FMAX_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.MAX, FloatElement.Operation.MAX));
  }

  static void FMIN_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.MIN, FloatElement.Operation.MIN));
  }

  static void FMAXNM_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.MAXNM, FloatElement.Operation.MAXNM));
  }

  static void FMINNM_v(Args.FpVec a, Emitter e) {
    vector(a, e, binary(Operation.MINNM, FloatElement.Operation.MINNM));
  }

  static void FMULX_v(Args.FpVec a, Emitter e) {
    vector(a, e, MULX);
  }

  static void FABD_v(Args.FpVec a, Emitter e) {
    vector(a, e, ABD);
  }

  static void FCMEQ_v(Args.FpVec a, Emitter e) {
    vector(a, e, compare(Relation.EQ));
  }

  static void FCMGE_v(Args.FpVec a, Emitter e) {
    vector(a, e, compare(Relation.GE));
  }

  static void FCMGT_v(Args.FpVec a, Emitter e) {
    vector(a, e, compare(Relation.GT));
  }

  static void FACGE_v(Args.FpVec a, Emitter e) {
    vector(a, e, compare(Relation.ABSOLUTE_GE));
  }

  static void FACGT_v(Args.FpVec a, Emitter e) {
    vector(a, e, compare(Relation.ABSOLUTE_GT));
  }

  static void FMLA_v(Args.FpVec a, Emitter e) {
    fused(e, a.sz(), a.rd(), read(e, a.q(), a.sz(), a.rn()), read(e, a.q(), a.sz(), a.rm()), false);
  }

  static void FMLS_v(Args.FpVec a, Emitter e) {
    fused(e, a.sz(), a.rd(), read(e, a.q(), a.sz(), a.rn()), read(e, a.q(), a.sz(), a.rm()), true);
  }

  static void FADDP_v(Args.FpVec a, Emitter e) {
    pairwise(a, e, binary(Operation.ADD, FloatElement.Operation.ADD));
  }

  static void FMAXP_v(Args.FpVec a, Emitter e) {
    pairwise(a, e, binary(Operation.MAX, FloatElement.Operation.MAX));
  }

  static void FMINP_v(Args.FpVec a, Emitter e) {
    pairwise(a, e, binary(Operation.MIN, FloatElement.Operation.MIN));
  }

  static void FMAXNMP_v(Args.FpVec a, Emitter e) {
    pairwise(a, e, binary(Operation.MAXNM, FloatElement.Operation.MAXNM));
  }

  static void FMINNMP_v(Args.FpVec a, Emitter e) {
    pairwise(a, e, binary(Operation.MINNM, FloatElement.Operation.MINNM));
  }

  // ---- scalar three registers

  static void FMULX_s(Args.FpVec a, Emitter e) {
    scalar(a, e, MULX);
  }

  static void FABD_s(Args.FpVec a, Emitter e) {
    scalar(a, e, ABD);
  }

  static void FCMEQ_s(Args.FpVec a, Emitter e) {
    scalar(a, e, compare(Relation.EQ));
  }

  static void FCMGE_s(Args.FpVec a, Emitter e) {
    scalar(a, e, compare(Relation.GE));
  }

  static void FCMGT_s(Args.FpVec a, Emitter e) {
    scalar(a, e, compare(Relation.GT));
  }

  static void FACGE_s(Args.FpVec a, Emitter e) {
    scalar(a, e, compare(Relation.ABSOLUTE_GE));
  }

  static void FACGT_s(Args.FpVec a, Emitter e) {
    scalar(a, e, compare(Relation.ABSOLUTE_GT));
  }

  // ---- scalar pairwise and across lanes

  static void FADDP_s(Args.FpVecMisc a, Emitter e) {
    pairOfLanes(a, e, binary(Operation.ADD, FloatElement.Operation.ADD));
  }

  static void FMAXP_s(Args.FpVecMisc a, Emitter e) {
    pairOfLanes(a, e, binary(Operation.MAX, FloatElement.Operation.MAX));
  }

  static void FMINP_s(Args.FpVecMisc a, Emitter e) {
    pairOfLanes(a, e, binary(Operation.MIN, FloatElement.Operation.MIN));
  }

  static void FMAXNMP_s(Args.FpVecMisc a, Emitter e) {
    pairOfLanes(a, e, binary(Operation.MAXNM, FloatElement.Operation.MAXNM));
  }

  static void FMINNMP_s(Args.FpVecMisc a, Emitter e) {
    pairOfLanes(a, e, binary(Operation.MINNM, FloatElement.Operation.MINNM));
  }

  static void FMAXV(Args.FpVecMisc a, Emitter e) {
    across(a, e, binary(Operation.MAX, FloatElement.Operation.MAX));
  }

  static void FMINV(Args.FpVecMisc a, Emitter e) {
    across(a, e, binary(Operation.MIN, FloatElement.Operation.MIN));
  }

  static void FMAXNMV(Args.FpVecMisc a, Emitter e) {
    across(a, e, binary(Operation.MAXNM, FloatElement.Operation.MAXNM));
  }

  static void FMINNMV(Args.FpVecMisc a, Emitter e) {
    across(a, e, binary(Operation.MINNM, FloatElement.Operation.MINNM));
  }

  // ---- two-register miscellaneous

  static void FABS_v(Args.FpVecMisc a, Emitter e) {
    FloatFormat f = format(a.sz());
    LLVMValueRef v = read(e, a.q(), a.sz(), a.rn());
    Simd.write(e, a.rd(), e.ir.and(v, e.ir.c(v, ~f.signBit())));
  }

  static void FNEG_v(Args.FpVecMisc a, Emitter e) {
    FloatFormat f = format(a.sz());
    LLVMValueRef v = read(e, a.q(), a.sz(), a.rn());
    Simd.write(e, a.rd(), e.ir.xor(v, e.ir.c(v, f.signBit())));
  }

  static void FSQRT_v(Args.FpVecMisc a, Emitter e) {
    unary(a, e, new Lane(FloatElement.Operation.SQRT,
        (e2, ops, x) -> FloatDataProcessing1.squareRoot(e2, ops, x[0])));
  }

  static void FRINTN_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, FloatOps.Rounding.TIE_EVEN, false);
  }

  static void FRINTP_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, FloatOps.Rounding.POSITIVE_INFINITY, false);
  }

  static void FRINTM_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, false);
  }

  static void FRINTZ_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, FloatOps.Rounding.ZERO, false);
  }

  static void FRINTA_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, FloatOps.Rounding.TIE_AWAY, false);
  }

  static void FRINTX_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, null, true);
  }

  static void FRINTI_v(Args.FpVecMisc a, Emitter e) {
    round(a, e, null, false);
  }

  static void FCVTNS_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, true);
  }

  static void FCVTNU_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, false);
  }

  static void FCVTPS_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, true);
  }

  static void FCVTPU_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, false);
  }

  static void FCVTMS_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, true);
  }

  static void FCVTMU_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, false);
  }

  static void FCVTZS_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.ZERO, true);
  }

  static void FCVTZU_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.ZERO, false);
  }

  static void FCVTAS_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, true);
  }

  static void FCVTAU_v(Args.FpVecMisc a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, false);
  }

  static void SCVTF_v(Args.FpVecMisc a, Emitter e) {
    fromInteger(a, e, true);
  }

  static void UCVTF_v(Args.FpVecMisc a, Emitter e) {
    fromInteger(a, e, false);
  }

  static void FCMGT0_v(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GT, false, false);
  }

  static void FCMGE0_v(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GE, false, false);
  }

  static void FCMEQ0_v(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.EQ, false, false);
  }

  static void FCMLE0_v(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GE, true, false);
  }

  static void FCMLT0_v(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GT, true, false);
  }

  static void FCMGT0_s(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GT, false, true);
  }

  static void FCMGE0_s(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GE, false, true);
  }

  static void FCMEQ0_s(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.EQ, false, true);
  }

  static void FCMLE0_s(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GE, true, true);
  }

  static void FCMLT0_s(Args.FpVecMisc a, Emitter e) {
    withZero(a, e, Relation.GT, true, true);
  }

  /** FCVTL, FCVTL2: the lower (upper) half of Vn, half to single (sz = 0) or single to double (sz = 1). */
  static void FCVTL(Args.FpVecMisc a, Emitter e) {
    FloatFormat from = a.sz() == 0 ? FloatFormat.HALF : FloatFormat.SINGLE;
    FloatFormat to = a.sz() == 0 ? FloatFormat.SINGLE : FloatFormat.DOUBLE;
    LLVMValueRef source = Simd.half(e.ir, Simd.read(e, a.rn(), from.bits(), 128 / from.bits()), a.q() == 1);
    Simd.write(e, a.rd(), convert(e, from, to, source));
  }

  /** FCVTN, FCVTN2: single to half (sz = 0) or double to single (sz = 1), into the lower (upper) half of Vd. */
  static void FCVTN(Args.FpVecMisc a, Emitter e) {
    FloatFormat from = a.sz() == 0 ? FloatFormat.SINGLE : FloatFormat.DOUBLE;
    FloatFormat to = a.sz() == 0 ? FloatFormat.HALF : FloatFormat.SINGLE;
    LLVMValueRef source = Simd.read(e, a.rn(), from.bits(), 128 / from.bits());
    Simd.writeNarrow(e, a.q(), a.rd(), convert(e, from, to, source));
  }

  // ---- estimates and steps, by the runtime

  static void FRECPS_v(Args.FpVec a, Emitter e) {
    vector(a, e, byRuntime(FloatElement.Operation.RECPS));
  }

  static void FRSQRTS_v(Args.FpVec a, Emitter e) {
    vector(a, e, byRuntime(FloatElement.Operation.RSQRTS));
  }

  static void FRECPS_s(Args.FpVec a, Emitter e) {
    scalar(a, e, byRuntime(FloatElement.Operation.RECPS));
  }

  static void FRSQRTS_s(Args.FpVec a, Emitter e) {
    scalar(a, e, byRuntime(FloatElement.Operation.RSQRTS));
  }

  static void FRECPE_v(Args.FpVecMisc a, Emitter e) {
    unary(a, e, byRuntime(FloatElement.Operation.RECPE));
  }

  static void FRSQRTE_v(Args.FpVecMisc a, Emitter e) {
    unary(a, e, byRuntime(FloatElement.Operation.RSQRTE));
  }

  static void FRECPE_s(Args.FpVecMisc a, Emitter e) {
    unaryScalar(a, e, byRuntime(FloatElement.Operation.RECPE));
  }

  static void FRSQRTE_s(Args.FpVecMisc a, Emitter e) {
    unaryScalar(a, e, byRuntime(FloatElement.Operation.RSQRTE));
  }

  static void FRECPX(Args.FpVecMisc a, Emitter e) {
    unaryScalar(a, e, byRuntime(FloatElement.Operation.RECPX));
  }

  /** FCVTXN, FCVTXN2: double to single rounding to odd, into the lower (upper) half of Vd. */
  static void FCVTXN_v(Args.FpVecMisc a, Emitter e) {
    LLVMValueRef source = Simd.read(e, a.rn(), 64, 2);
    Simd.writeNarrow(e, a.q(), a.rd(), toOdd().map(e, 32, null, source));
  }

  static void FCVTXN_s(Args.FpVecMisc a, Emitter e) {
    e.setVreg(a.rd(), toOdd().map(e, 32, null, e.vreg(a.rn(), 8)));
  }

  private static FloatElement toOdd() {
    return new FloatElement(FloatElement.Operation.CONVERT, FloatFormat.DOUBLE).to(FloatFormat.SINGLE)
        .rounding(FloatElement.ROUND_TO_ODD);
  }

  // ---- fixed-point conversions

  static void SCVTF_vf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, false, true, false);
  }

  static void UCVTF_vf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, false, false, false);
  }

  static void FCVTZS_vf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, true, true, false);
  }

  static void FCVTZU_vf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, true, false, false);
  }

  static void SCVTF_sf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, false, true, true);
  }

  static void UCVTF_sf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, false, false, true);
  }

  static void FCVTZS_sf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, true, true, true);
  }

  static void FCVTZU_sf(Args.FpFixedVec a, Emitter e) {
    fixed(a, e, true, false, true);
  }

  // ---- by element

  static void FMUL_vi(Args.FpVecIndex a, Emitter e) {
    byElement(a, e, binary(Operation.MUL, FloatElement.Operation.MUL), false);
  }

  static void FMULX_vi(Args.FpVecIndex a, Emitter e) {
    byElement(a, e, MULX, false);
  }

  static void FMLA_vi(Args.FpVecIndex a, Emitter e) {
    fusedByElement(a, e, false, false);
  }

  static void FMLS_vi(Args.FpVecIndex a, Emitter e) {
    fusedByElement(a, e, true, false);
  }

  static void FMUL_si(Args.FpVecIndex a, Emitter e) {
    byElement(a, e, binary(Operation.MUL, FloatElement.Operation.MUL), true);
  }

  static void FMULX_si(Args.FpVecIndex a, Emitter e) {
    byElement(a, e, MULX, true);
  }

  static void FMLA_si(Args.FpVecIndex a, Emitter e) {
    fusedByElement(a, e, false, true);
  }

  static void FMLS_si(Args.FpVecIndex a, Emitter e) {
    fusedByElement(a, e, true, true);
  }

  // ---- elements

  /** An element operation's native code, with the emitter. */
  private interface Code {
    LLVMValueRef apply(Emitter e, FloatOps ops, LLVMValueRef[] x);
  }

  /** One element operation: the runtime's, and the same natively. */
  private record Lane(FloatElement.Operation operation, Code code) {
    LLVMValueRef map(Emitter e, FloatFormat f, int resultBits, LLVMValueRef... operands) {
      Native nativeElement = code == null ? null : (ops, x) -> code.apply(e, ops, x);
      return new FloatElement(operation, f).map(e, resultBits, nativeElement, operands);
    }
  }

  /** An operation the runtime computes in every FP environment. */
  private static Lane byRuntime(FloatElement.Operation operation) {
    return new Lane(operation, null);
  }

  private static Lane binary(Operation operation, FloatElement.Operation exact) {
    return new Lane(exact, (e, ops, x) -> FloatDataProcessing2.apply(e, ops, operation, x[0], x[1]));
  }

  /** FPMulX: FPMul, but infinity times zero gives 2 with the product's sign. */
  private static final Lane MULX = new Lane(FloatElement.Operation.MULX, (e, ops, x) -> {
    IrBuilder ir = e.ir;
    LLVMValueRef infinityTimesZero = ir.or(ir.and(ops.isInfinity(x[0]), ops.isZero(x[1])),
        ir.and(ops.isZero(x[0]), ops.isInfinity(x[1])));
    LLVMValueRef product = ir.fmul(ops.value(x[0]), ops.value(x[1]));
    LLVMValueRef two = ir.or(ir.and(ir.xor(x[0], x[1]), ops.c(ops.f.signBit())), ops.bitsOf(ops.constant(2)));
    if (e.floatExceptionsObserved()) {
      LLVMValueRef no = ir.c(1, 0);
      e.raiseFloatExceptions(ir.select(infinityTimesZero, ir.c(32, 0),
          FloatExceptions.arithmetic(e, ops, FloatExceptions.MULTIPLY, product, no, no, x[0], x[1])));
    }
    return ir.select(infinityTimesZero, two, ops.result(product, x[0], x[1]));
  });

  /** FABD: the absolute value of FPSub, NaNs included. */
  private static final Lane ABD = new Lane(FloatElement.Operation.ABD,
      (e, ops, x) -> ops.abs(FloatDataProcessing2.apply(e, ops, Operation.SUB, x[0], x[1])));

  private enum Relation { EQ, GE, GT, ABSOLUTE_GE, ABSOLUTE_GT }

  /**
   * FPCompareEQ/GE/GT as a mask of the element's width; EQ signals Invalid Operation on signalling NaNs only, the
   * others on every NaN; the absolute forms compare magnitudes.
   */
  private static Lane compare(Relation relation) {
    FloatElement.Operation exact = switch (relation) {
      case EQ -> FloatElement.Operation.CMEQ;
      case GE -> FloatElement.Operation.CMGE;
      case GT -> FloatElement.Operation.CMGT;
      case ABSOLUTE_GE -> FloatElement.Operation.ACGE;
      case ABSOLUTE_GT -> FloatElement.Operation.ACGT;
    };
    return new Lane(exact, (e, ops, x) -> {
      IrBuilder ir = e.ir;
      boolean absolute = relation == Relation.ABSOLUTE_GE || relation == Relation.ABSOLUTE_GT;
      LLVMValueRef a = absolute ? ops.abs(x[0]) : x[0];
      LLVMValueRef b = absolute ? ops.abs(x[1]) : x[1];
      int predicate = switch (relation) {
        case EQ -> LLVMRealOEQ;
        case GE, ABSOLUTE_GE -> LLVMRealOGE;
        case GT, ABSOLUTE_GT -> LLVMRealOGT;
      };
      if (e.floatExceptionsObserved()) {
        e.raiseFloatExceptions(relation == Relation.EQ ? FloatExceptions.signallingOperand(ops, a, b)
            : FloatExceptions.when(ir, FloatExceptions.anyOf(ops, false, a, b), FloatExceptions.INVALID));
      }
      return ir.select(ir.fcmp(predicate, ops.value(a), ops.value(b)), ops.c(-1), ops.c(0));
    });
  }

  /** FPConvert of every lane, its exceptions raised where the program can see them. */
  private static LLVMValueRef convert(Emitter e, FloatFormat from, FloatFormat to, LLVMValueRef source) {
    return new FloatElement(FloatElement.Operation.CONVERT, from).to(to).map(e, to.bits(), (ops, x) -> {
      LLVMValueRef converted = FloatConversions.convert(ops, x[0], to);
      if (e.floatExceptionsObserved()) {
        e.raiseFloatExceptions(FloatConversions.exceptions(ops, x[0], to, converted));
      }
      return converted;
    }, source);
  }

  // ---- shapes

  private static FloatFormat format(int sz) {
    return sz == 1 ? FloatFormat.DOUBLE : FloatFormat.SINGLE;
  }

  /** Vn in the arrangement of Q and sz, as integer lanes. */
  private static LLVMValueRef read(Emitter e, int q, int sz, int n) {
    int bits = format(sz).bits();
    return Simd.read(e, n, bits, (q == 1 ? 128 : 64) / bits);
  }

  private static void vector(Args.FpVec a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    LLVMValueRef result = lane.map(e, f, f.bits(), read(e, a.q(), a.sz(), a.rn()), read(e, a.q(), a.sz(), a.rm()));
    Simd.write(e, a.rd(), result);
  }

  private static void scalar(Args.FpVec a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    LLVMValueRef result = lane.map(e, f, f.bits(), e.vreg(a.rn(), f.bytes()), e.vreg(a.rm(), f.bytes()));
    e.setVreg(a.rd(), result);
  }

  private static void unary(Args.FpVecMisc a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    Simd.write(e, a.rd(), lane.map(e, f, f.bits(), read(e, a.q(), a.sz(), a.rn())));
  }

  private static void unaryScalar(Args.FpVecMisc a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    e.setVreg(a.rd(), lane.map(e, f, f.bits(), e.vreg(a.rn(), f.bytes())));
  }

  /** FRINT with a fixed rounding, or (null) FPCR's: round to nearest even natively, where FPCR is the default. */
  private static void round(Args.FpVecMisc a, Emitter e, FloatOps.Rounding rounding, boolean signalInexact) {
    FloatFormat f = format(a.sz());
    FloatOps.Rounding nativeRounding = rounding == null ? FloatOps.Rounding.TIE_EVEN : rounding;
    FloatElement element = new FloatElement(FloatElement.Operation.ROUND, f);
    if (rounding != null) {
      element.rounding(rounding);
    }
    if (signalInexact) {
      element.signalInexact();
    }
    Simd.write(e, a.rd(), element.map(e, f.bits(),
        (ops, x) -> FloatDataProcessing1.roundToIntegral(e, ops, x[0], nativeRounding, signalInexact),
        read(e, a.q(), a.sz(), a.rn())));
  }

  private static void toInteger(Args.FpVecMisc a, Emitter e, FloatOps.Rounding rounding, boolean signed) {
    FloatFormat f = format(a.sz());
    FloatElement element = new FloatElement(FloatElement.Operation.TO_INT, f).rounding(rounding).unsigned(!signed);
    Simd.write(e, a.rd(), element.map(e, f.bits(),
        (ops, x) -> FloatIntegerConvert.toInteger(e, ops, x[0], rounding, signed, f.bits(), 0),
        read(e, a.q(), a.sz(), a.rn())));
  }

  private static void fromInteger(Args.FpVecMisc a, Emitter e, boolean signed) {
    FloatFormat f = format(a.sz());
    FloatElement element = new FloatElement(FloatElement.Operation.FROM_INT, f).unsigned(!signed);
    Simd.write(e, a.rd(), element.map(e, f.bits(),
        (ops, x) -> FloatIntegerConvert.fromInteger(e, ops, x[0], signed, f.bits(), 0),
        read(e, a.q(), a.sz(), a.rn())));
  }

  /** FCVTZS/FCVTZU (toward zero) or SCVTF/UCVTF with fraction bits, on every lane (one, for the scalar forms). */
  private static void fixed(Args.FpFixedVec a, Emitter e, boolean toInteger, boolean signed, boolean scalar) {
    FloatFormat f = format(a.sz());
    int fractionBits = f.bits() - a.fb();
    FloatElement element = new FloatElement(toInteger ? FloatElement.Operation.TO_INT
        : FloatElement.Operation.FROM_INT, f).unsigned(!signed).fractionBits(fractionBits);
    if (toInteger) {
      element.rounding(FloatOps.Rounding.ZERO);
    }
    LLVMValueRef source = scalar ? e.vreg(a.rn(), f.bytes()) : read(e, a.q(), a.sz(), a.rn());
    LLVMValueRef result = element.map(e, f.bits(), (ops, x) -> toInteger
        ? FloatIntegerConvert.toInteger(e, ops, x[0], FloatOps.Rounding.ZERO, signed, f.bits(), fractionBits)
        : FloatIntegerConvert.fromInteger(e, ops, x[0], signed, f.bits(), fractionBits), source);
    if (scalar) {
      e.setVreg(a.rd(), result);
    } else {
      Simd.write(e, a.rd(), result);
    }
  }

  /** A compare with +0: Vn against zero, or ({@code swapped}, for LE and LT) zero against Vn. */
  private static void withZero(Args.FpVecMisc a, Emitter e, Relation relation, boolean swapped, boolean scalar) {
    FloatFormat f = format(a.sz());
    LLVMValueRef v = scalar ? e.vreg(a.rn(), f.bytes()) : read(e, a.q(), a.sz(), a.rn());
    LLVMValueRef zero = e.ir.c(v, 0);
    LLVMValueRef result = compare(relation).map(e, f, f.bits(), swapped ? zero : v, swapped ? v : zero);
    if (scalar) {
      e.setVreg(a.rd(), result);
    } else {
      Simd.write(e, a.rd(), result);
    }
  }

  /** The pairwise forms: lane i of the result combines lanes 2i and 2i + 1 of Vn:Vm (Vn's lanes first). */
  private static void pairwise(Args.FpVec a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    IrBuilder ir = e.ir;
    LLVMValueRef n = read(e, a.q(), a.sz(), a.rn());
    LLVMValueRef m = read(e, a.q(), a.sz(), a.rm());
    int lanes = IrBuilder.lanes(n);
    int[] even = new int[lanes];
    int[] odd = new int[lanes];
    for (int i = 0; i < lanes; i++) {
      even[i] = 2 * i;
      odd[i] = 2 * i + 1;
    }
    Simd.write(e, a.rd(), lane.map(e, f, f.bits(), ir.shuffle(n, m, even), ir.shuffle(n, m, odd)));
  }

  /** The scalar pairwise forms: the two lanes of Vn.2S or Vn.2D combined. */
  private static void pairOfLanes(Args.FpVecMisc a, Emitter e, Lane lane) {
    FloatFormat f = format(a.sz());
    IrBuilder ir = e.ir;
    LLVMValueRef v = Simd.read(e, a.rn(), f.bits(), 2);
    e.setVreg(a.rd(), lane.map(e, f, f.bits(), ir.extract(v, ir.c(32, 0)), ir.extract(v, ir.c(32, 1))));
  }

  /** The reductions of Vn.4S, in the Arm ARM's order: (0 op 1) op (2 op 3). */
  private static void across(Args.FpVecMisc a, Emitter e, Lane lane) {
    FloatFormat f = FloatFormat.SINGLE;
    IrBuilder ir = e.ir;
    LLVMValueRef v = Simd.read(e, a.rn(), 32, 4);
    LLVMValueRef[] x = new LLVMValueRef[4];
    for (int i = 0; i < 4; i++) {
      x[i] = ir.extract(v, ir.c(32, i));
    }
    LLVMValueRef low = lane.map(e, f, 32, x[0], x[1]);
    LLVMValueRef high = lane.map(e, f, 32, x[2], x[3]);
    e.setVreg(a.rd(), lane.map(e, f, 32, low, high));
  }

  /** Vd + Vn * Vm (FMLS: Vd - Vn * Vm, Vn negated first, NaNs too), fused, lane by lane. */
  private static void fused(Emitter e, int sz, int d, LLVMValueRef n, LLVMValueRef m, boolean subtract) {
    FloatFormat f = format(sz);
    IrBuilder ir = e.ir;
    boolean scalar = !IrBuilder.isVector(n);
    LLVMValueRef accumulator = scalar ? e.vreg(d, f.bytes()) : Simd.read(e, d, f.bits(), IrBuilder.lanes(n));
    LLVMValueRef factor = subtract ? ir.xor(n, ir.c(n, f.signBit())) : n;
    LLVMValueRef result = new Lane(FloatElement.Operation.FUSED,
        (e2, ops, x) -> FloatMultiplyAdd.apply(e2, ops, x[0], x[1], x[2])).map(e, f, f.bits(), factor, m,
        accumulator);
    if (scalar) {
      e.setVreg(d, result);
    } else {
      Simd.write(e, d, result);
    }
  }

  /** Vm[index]: H:L for single lanes (Vm is M:Rm), H for double ones. */
  private static LLVMValueRef element(Emitter e, Args.FpVecIndex a) {
    FloatFormat f = format(a.sz());
    int index = a.sz() == 0 ? a.h() << 1 | a.l() : a.h();
    LLVMValueRef v = Simd.read(e, a.m() << 4 | a.rm(), f.bits(), 128 / f.bits());
    return e.ir.extract(v, e.ir.c(32, index));
  }

  /** Vn's lanes (a scalar: its lane 0) against Vm[index]. */
  private static LLVMValueRef[] operandsByElement(Emitter e, Args.FpVecIndex a, boolean scalar) {
    FloatFormat f = format(a.sz());
    IrBuilder ir = e.ir;
    LLVMValueRef element = element(e, a);
    if (scalar) {
      return new LLVMValueRef[] {e.vreg(a.rn(), f.bytes()), element};
    }
    LLVMValueRef n = read(e, a.q(), a.sz(), a.rn());
    LLVMValueRef splat = ir.splat(ir.m.vectorType(IrBuilder.lanes(n), f.bits()), 0);
    for (int i = 0; i < IrBuilder.lanes(n); i++) {
      splat = ir.insert(splat, element, i);
    }
    return new LLVMValueRef[] {n, splat};
  }

  private static void byElement(Args.FpVecIndex a, Emitter e, Lane lane, boolean scalar) {
    FloatFormat f = format(a.sz());
    LLVMValueRef[] x = operandsByElement(e, a, scalar);
    LLVMValueRef result = lane.map(e, f, f.bits(), x);
    if (scalar) {
      e.setVreg(a.rd(), result);
    } else {
      Simd.write(e, a.rd(), result);
    }
  }

  private static void fusedByElement(Args.FpVecIndex a, Emitter e, boolean subtract, boolean scalar) {
    LLVMValueRef[] x = operandsByElement(e, a, scalar);
    fused(e, a.sz(), a.rd(), x[0], x[1], subtract);
  }
}
