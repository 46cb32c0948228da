package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FMADD, FMSUB, FNMADD, FNMSUB: Rn * Rm + Ra with one rounding, after negating Rn and/or Ra as bits (so a NaN
 * operand passes through with its sign flipped, as FPMulAdd sees it).
 */
final class FloatMultiplyAdd {
  private FloatMultiplyAdd() {}

  static void FMADD(Args.FpTernary a, Emitter e) {
    lift(a, e, false, false);
  }

  static void FMSUB(Args.FpTernary a, Emitter e) {
    lift(a, e, true, false);
  }

  static void FNMADD(Args.FpTernary a, Emitter e) {
    lift(a, e, true, true);
  }

  static void FNMSUB(Args.FpTernary a, Emitter e) {
    lift(a, e, false, true);
  }

  private static void lift(Args.FpTernary args, Emitter e, boolean negateProduct, boolean negateAddend) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(args.type()));
    LLVMValueRef n = ops.read(args.rn());
    LLVMValueRef m = ops.read(args.rm());
    LLVMValueRef a = ops.read(args.ra());
    LLVMValueRef addend = negateAddend ? ops.negate(a) : a;
    LLVMValueRef factor = negateProduct ? ops.negate(n) : n;
    ops.write(args.rd(), new FloatElement(FloatElement.Operation.FUSED, ops.f).scalar(e, ops.f.bits(),
        () -> apply(e, ops, factor, m, addend), factor, m, addend));
  }

  /** FPMulAdd(a, n, m) on elements (bits), its exceptions raised where the program can see them. */
  static LLVMValueRef apply(Emitter e, FloatOps ops, LLVMValueRef n, LLVMValueRef m, LLVMValueRef a) {
    IrBuilder ir = e.ir;
    LLVMValueRef fused = ops.f == FloatFormat.DOUBLE ? fusedDouble(e, ops, n, m, a)
        : fusedSingle(ops, ops.value(n), ops.value(m), ops.value(a));
    // A quiet NaN addend does not hide the invalid operation infinity * 0: that gives the default NaN.
    LLVMValueRef infinityTimesZero = ir.or(ir.and(ops.isInfinity(n), ops.isZero(m)),
        ir.and(ops.isZero(n), ops.isInfinity(m)));
    LLVMValueRef quietAddend = ir.and(ops.isNaN(a), ir.not(ops.isSignalling(a)));
    LLVMValueRef result = ops.result(fused, a, n, m);
    LLVMValueRef invalidWithQuietAddend = ir.and(quietAddend, infinityTimesZero);
    if (e.floatExceptionsObserved()) {
      e.raiseFloatExceptions(FloatExceptions.arithmetic(e, ops, FloatExceptions.FUSED, fused, invalidWithQuietAddend,
          ir.c(1, 0), n, m, a));
    }
    return ir.select(invalidWithQuietAddend, ops.c(ops.f.defaultNaN()), result);
  }

  /**
   * x * y + z in double precision with one rounding. Where no intermediate can overflow or become subnormal (the
   * product's factors within 2^±450 of 1, the addend zero or within 2^±950: nearly always), with host operations
   * only: Dekker's exact product uh + ul, TwoSum th + tl = z + uh, then RN(th + RO(tl + ul)) (Boldo and
   * Melquiond's emulation of FMA through rounding to odd). Elsewhere by the runtime's integer implementation.
   */
  private static LLVMValueRef fusedDouble(Emitter e, FloatOps ops, LLVMValueRef xBits, LLVMValueRef yBits,
      LLVMValueRef zBits) {
    IrBuilder ir = ops.ir;
    LLVMValueRef safe = ir.and(ir.and(ExactArithmetic.exponentWithin(ir, xBits, 450),
        ExactArithmetic.exponentWithin(ir, yBits, 450)),
        ir.or(ops.isZero(zBits), ExactArithmetic.exponentWithin(ir, zBits, 950)));
    return ExactArithmetic.fastUnlessRare(e, safe, () -> {
      LLVMValueRef x = ops.value(xBits);
      LLVMValueRef y = ops.value(yBits);
      LLVMValueRef z = ops.value(zBits);
      LLVMValueRef uh = ir.fmul(x, y);
      LLVMValueRef ul = ExactArithmetic.productError(ir, x, y, uh);
      LLVMValueRef th = ir.fadd(z, uh);
      LLVMValueRef tl = ExactArithmetic.sumError(ir, z, uh, th);
      return ir.fadd(th, ExactArithmetic.roundToOdd(ir, tl, ul));
    }, () -> e.fusedMultiplyAdd64(ops.value(xBits), ops.value(yBits), ops.value(zBits)));
  }

  /**
   * x * y + z in single precision with one rounding, in double arithmetic: the product is exact in double; the sum
   * is rounded to odd (the error of the host's sum, from TwoSum, sets the last bit), and rounding that to single
   * precision is then the correctly rounded result, as a double has more than two bits to spare.
   */
  private static LLVMValueRef fusedSingle(FloatOps ops, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    IrBuilder ir = ops.ir;
    LLVMValueRef product = ir.fmul(ir.fpext(x, ir.m.f64), ir.fpext(y, ir.m.f64));
    return ir.fptrunc(ExactArithmetic.roundToOdd(ir, product, ir.fpext(z, ir.m.f64)), ir.m.f32);
  }
}
