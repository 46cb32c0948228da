package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Scalar FP with one source: FMOV (register), FABS, FNEG (bit operations: a NaN keeps its payload, even a
 * signalling one), FSQRT, FCVT between half, single and double, and the FRINT roundings to integral.
 */
final class FloatDataProcessing1 {
  private FloatDataProcessing1() {}

  static void FMOV_s(Args.FpUnary a, Emitter e) {
    FloatOps ops = ops(a, e);
    ops.write(a.rd(), ops.read(a.rn()));
  }

  static void FABS_s(Args.FpUnary a, Emitter e) {
    FloatOps ops = ops(a, e);
    ops.write(a.rd(), ops.abs(ops.read(a.rn())));
  }

  static void FNEG_s(Args.FpUnary a, Emitter e) {
    FloatOps ops = ops(a, e);
    ops.write(a.rd(), ops.negate(ops.read(a.rn())));
  }

  static void FSQRT_s(Args.FpUnary a, Emitter e) {
    FloatOps ops = ops(a, e);
    LLVMValueRef x = ops.read(a.rn());
    ops.write(a.rd(), new FloatElement(FloatElement.Operation.SQRT, ops.f).scalar(e, ops.f.bits(),
        () -> squareRoot(e, ops, x), x));
  }

  /** FPSqrt of an element (bits), its exceptions raised where the program can see them. */
  static LLVMValueRef squareRoot(Emitter e, FloatOps ops, LLVMValueRef x) {
    IrBuilder ir = e.ir;
    LLVMValueRef root = ir.intrinsic("llvm.sqrt", ops.value(x));
    if (e.floatExceptionsObserved()) {
      e.raiseFloatExceptions(
          FloatExceptions.arithmetic(e, ops, FloatExceptions.SQRT, root, ir.c(1, 0), ir.c(1, 0), x));
    }
    return ops.result(root, x);
  }

  static void FRINTN_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, FloatOps.Rounding.TIE_EVEN, false);
  }

  static void FRINTP_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, FloatOps.Rounding.POSITIVE_INFINITY, false);
  }

  static void FRINTM_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, false);
  }

  static void FRINTZ_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, FloatOps.Rounding.ZERO, false);
  }

  static void FRINTA_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, FloatOps.Rounding.TIE_AWAY, false);
  }

  /**
   * FRINTX and FRINTI round in FPCR's mode (null): natively to nearest, ties to even, as other modes take exact
   * mode (fpcr lines).
   */
  static void FRINTX_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, null, true);
  }

  static void FRINTI_s(Args.FpUnary a, Emitter e) {
    roundToIntegral(a, e, null, false);
  }

  static void FCVT_s_ds(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.SINGLE, FloatFormat.DOUBLE);
  }

  static void FCVT_s_hs(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.SINGLE, FloatFormat.HALF);
  }

  static void FCVT_s_sd(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.DOUBLE, FloatFormat.SINGLE);
  }

  static void FCVT_s_hd(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.DOUBLE, FloatFormat.HALF);
  }

  static void FCVT_s_sh(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.HALF, FloatFormat.SINGLE);
  }

  static void FCVT_s_dh(Args.FpRR a, Emitter e) {
    convert(a, e, FloatFormat.HALF, FloatFormat.DOUBLE);
  }

  private static FloatOps ops(Args.FpUnary a, Emitter e) {
    return new FloatOps(e, FloatFormat.ofType(a.type()));
  }

  /**
   * FRINT: to an integral value of the format, with a fixed rounding or (null) FPCR's; only FRINTX
   * ({@code signalInexact}) signals Inexact.
   */
  private static void roundToIntegral(Args.FpUnary a, Emitter e, FloatOps.Rounding rounding,
      boolean signalInexact) {
    FloatOps ops = ops(a, e);
    LLVMValueRef x = ops.read(a.rn());
    FloatElement element = new FloatElement(FloatElement.Operation.ROUND, ops.f);
    if (rounding != null) {
      element.rounding(rounding);
    }
    if (signalInexact) {
      element.signalInexact();
    }
    FloatOps.Rounding nativeRounding = rounding == null ? FloatOps.Rounding.TIE_EVEN : rounding;
    ops.write(a.rd(), element.scalar(e, ops.f.bits(),
        () -> roundToIntegral(e, ops, x, nativeRounding, signalInexact), x));
  }

  /** FPRoundInt of an element (bits), its exceptions raised where the program can see them. */
  static LLVMValueRef roundToIntegral(Emitter e, FloatOps ops, LLVMValueRef x, FloatOps.Rounding rounding,
      boolean signalInexact) {
    IrBuilder ir = e.ir;
    LLVMValueRef rounded = ops.roundToIntegral(ops.value(x), rounding);
    if (e.floatExceptionsObserved()) {
      LLVMValueRef inexact = ir.fcmp(LLVMRealONE, rounded, ops.value(x));
      e.raiseFloatExceptions(ir.or(FloatExceptions.signallingOperand(ops, x),
          FloatExceptions.when(ir, ir.and(inexact, ir.c(1, signalInexact ? 1 : 0)), FloatExceptions.INEXACT)));
    }
    return ops.result(rounded, x);
  }

  /** FCVT: Rn of format {@code from} to Rd of format {@code to}. */
  private static void convert(Args.FpRR a, Emitter e, FloatFormat from, FloatFormat to) {
    FloatOps ops = new FloatOps(e, from);
    LLVMValueRef source = ops.read(a.rn());
    FloatElement element = new FloatElement(FloatElement.Operation.CONVERT, from).to(to);
    LLVMValueRef converted = element.scalar(e, to.bits(), () -> {
      LLVMValueRef nativeResult = FloatConversions.convert(ops, source, to);
      if (e.floatExceptionsObserved()) {
        e.raiseFloatExceptions(FloatConversions.exceptions(ops, source, to, nativeResult));
      }
      return nativeResult;
    }, source);
    ops.write(a.rd(), converted);
  }
}
