package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The Advanced SIMD scalar forms of SCVTF, UCVTF and FCVT{N,M,P,Z,A}{S,U}: the integer is the low 32 or 64 bits of
 * a SIMD&FP register, as wide as the FP value (what compilers emit when a value stays in FP registers).
 */
final class FloatSimdScalarConvert {
  private FloatSimdScalarConvert() {}

  static void SCVTF_f(Args.FpScalarConvert a, Emitter e) {
    fromInteger(a, e, true);
  }

  static void UCVTF_f(Args.FpScalarConvert a, Emitter e) {
    fromInteger(a, e, false);
  }

  static void FCVTNS_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, true);
  }

  static void FCVTNU_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, false);
  }

  static void FCVTMS_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, true);
  }

  static void FCVTMU_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, false);
  }

  static void FCVTPS_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, true);
  }

  static void FCVTPU_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, false);
  }

  static void FCVTZS_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.ZERO, true);
  }

  static void FCVTZU_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.ZERO, false);
  }

  static void FCVTAS_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, true);
  }

  static void FCVTAU_f(Args.FpScalarConvert a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, false);
  }

  private static FloatOps ops(Args.FpScalarConvert a, Emitter e) {
    return new FloatOps(e, a.sz() == 1 ? FloatFormat.DOUBLE : FloatFormat.SINGLE);
  }

  private static void fromInteger(Args.FpScalarConvert a, Emitter e, boolean signed) {
    FloatOps ops = ops(a, e);
    LLVMValueRef n = ops.read(a.rn());
    FloatElement element = new FloatElement(FloatElement.Operation.FROM_INT, ops.f).unsigned(!signed);
    ops.write(a.rd(), element.scalar(e, ops.f.bits(),
        () -> FloatIntegerConvert.fromInteger(e, ops, n, signed, ops.f.bits(), 0), n));
  }

  private static void toInteger(Args.FpScalarConvert a, Emitter e, FloatOps.Rounding rounding, boolean signed) {
    FloatOps ops = ops(a, e);
    LLVMValueRef x = ops.read(a.rn());
    FloatElement element = new FloatElement(FloatElement.Operation.TO_INT, ops.f).rounding(rounding)
        .unsigned(!signed);
    ops.write(a.rd(), element.scalar(e, ops.f.bits(),
        () -> FloatIntegerConvert.toInteger(e, ops, x, rounding, signed, ops.f.bits(), 0), x));
  }
}
