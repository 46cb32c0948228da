package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealULT;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Conversions between FP and general-purpose registers: FCVT{N,P,M,Z,A}{S,U} (saturating, NaN gives 0), SCVTF and
 * UCVTF, and the fixed-point forms of FCVTZS, FCVTZU, SCVTF, UCVTF with fbits = (64 or 32) - scale fraction bits.
 */
final class FloatIntegerConvert {
  private FloatIntegerConvert() {}

  static void FCVTNS_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, true);
  }

  static void FCVTNU_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_EVEN, false);
  }

  static void FCVTPS_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, true);
  }

  static void FCVTPU_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.POSITIVE_INFINITY, false);
  }

  static void FCVTMS_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, true);
  }

  static void FCVTMU_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.NEGATIVE_INFINITY, false);
  }

  static void FCVTAS_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, true);
  }

  static void FCVTAU_g(Args.FpToInt a, Emitter e) {
    toInteger(a, e, FloatOps.Rounding.TIE_AWAY, false);
  }

  static void FCVTZS_g(Args.FpFixed a, Emitter e) {
    toFixed(a, e, true);
  }

  static void FCVTZU_g(Args.FpFixed a, Emitter e) {
    toFixed(a, e, false);
  }

  static void SCVTF_g(Args.FpFixed a, Emitter e) {
    fromFixed(a, e, true);
  }

  static void UCVTF_g(Args.FpFixed a, Emitter e) {
    fromFixed(a, e, false);
  }

  private static void toInteger(Args.FpToInt a, Emitter e, FloatOps.Rounding rounding, boolean signed) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    e.setReg(a.rd(), toGeneral(e, ops, ops.read(a.rn()), rounding, signed, a.sf() == 1 ? 64 : 32, 0));
  }

  private static void toFixed(Args.FpFixed a, Emitter e, boolean signed) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    int intBits = a.sf() == 1 ? 64 : 32;
    e.setReg(a.rd(), toGeneral(e, ops, ops.read(a.rn()), FloatOps.Rounding.ZERO, signed, intBits,
        intBits - a.scale()));
  }

  private static void fromFixed(Args.FpFixed a, Emitter e, boolean signed) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    int intBits = a.sf() == 1 ? 64 : 32;
    LLVMValueRef n = e.reg(a.rn(), intBits == 64);
    int fractionBits = intBits - a.scale();
    FloatElement element = new FloatElement(FloatElement.Operation.FROM_INT, ops.f).unsigned(!signed)
        .integerBits(intBits).fractionBits(fractionBits);
    ops.write(a.rd(), element.scalar(e, ops.f.bits(),
        () -> fromInteger(e, ops, n, signed, intBits, fractionBits), n));
  }

  /** FPToFixed into a general register: natively, or in exact mode by the runtime. */
  private static LLVMValueRef toGeneral(Emitter e, FloatOps ops, LLVMValueRef bits, FloatOps.Rounding rounding,
      boolean signed, int intBits, int fractionBits) {
    FloatElement element = new FloatElement(FloatElement.Operation.TO_INT, ops.f).rounding(rounding)
        .unsigned(!signed).integerBits(intBits).fractionBits(fractionBits);
    return element.scalar(e, intBits,
        () -> toInteger(e, ops, bits, rounding, signed, intBits, fractionBits), bits);
  }

  /**
   * FPToFixed: the format's value {@code bits} times 2^fractionBits, rounded, as a saturated integer of intBits
   * (NaN gives 0); its exceptions raised where the program can observe them.
   */
  static LLVMValueRef toInteger(Emitter e, FloatOps ops, LLVMValueRef bits, FloatOps.Rounding rounding,
      boolean signed, int intBits, int fractionBits) {
    IrBuilder ir = e.ir;
    // Scaling by a power of two is exact (an overflow to infinity still saturates the same way).
    LLVMValueRef v = ir.fmul(ops.value(bits), ops.constant(Math.scalb(1.0, fractionBits)));
    LLVMValueRef integral = rounding == FloatOps.Rounding.ZERO ? v : ops.roundToIntegral(v, rounding);
    String saturating = signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
    if (e.floatExceptionsObserved()) {
      LLVMValueRef rounded = ops.roundToIntegral(v, rounding);
      e.raiseFloatExceptions(toIntegerExceptions(ops, v, rounded, signed, intBits));
    }
    return ir.intrinsicOf(saturating, new LLVMTypeRef[] {ir.m.intType(intBits), ops.type}, integral);
  }

  /** FixedToFP: the format's bits of the integer n (intBits wide) divided by 2^fractionBits. */
  static LLVMValueRef fromInteger(Emitter e, FloatOps ops, LLVMValueRef n, boolean signed, int intBits,
      int fractionBits) {
    IrBuilder ir = e.ir;
    // The integer rounds once; dividing by 2^fbits then stays exact, far above the subnormal range.
    LLVMValueRef converted = signed ? ir.sitofp(n, ops.type) : ir.uitofp(n, ops.type);
    if (e.floatExceptionsObserved()) {
      String back = signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
      LLVMValueRef roundTrip = ir.intrinsicOf(back, new LLVMTypeRef[] {ir.m.intType(intBits), ops.type}, converted);
      // The integer's range ends below 2^(bits - 1) (signed) or 2^bits: reaching it means rounding up.
      LLVMValueRef limit = ops.constant(Math.scalb(1.0, signed ? intBits - 1 : intBits));
      LLVMValueRef inexact = ir.or(ir.ne(roundTrip, n), ir.fcmp(LLVMRealOGE, converted, limit));
      e.raiseFloatExceptions(FloatExceptions.when(ir, inexact, FloatExceptions.INEXACT));
    }
    return ops.bitsOf(ir.fdiv(converted, ops.constant(Math.scalb(1.0, fractionBits))));
  }

  /**
   * FPToFixed's exceptions: Invalid Operation (only) for a NaN or a rounded value outside the integer's range,
   * else Inexact when rounding changed the value.
   */
  private static LLVMValueRef toIntegerExceptions(FloatOps ops, LLVMValueRef v, LLVMValueRef integral,
      boolean signed, int intBits) {
    IrBuilder ir = ops.ir;
    LLVMValueRef upper = ops.constant(Math.scalb(1.0, signed ? intBits - 1 : intBits));
    LLVMValueRef lower = signed ? ops.constant(-Math.scalb(1.0, intBits - 1)) : ops.constant(0);
    // Unordered comparisons: a NaN is out of range too.
    LLVMValueRef outOfRange = ir.or(ir.fcmp(LLVMRealUGE, integral, upper), ir.fcmp(LLVMRealULT, integral, lower));
    LLVMValueRef inexact = ir.fcmp(LLVMRealONE, integral, v);
    return ir.select(outOfRange, ir.c(32, FloatExceptions.INVALID),
        FloatExceptions.when(ir, inexact, FloatExceptions.INEXACT));
  }
}
