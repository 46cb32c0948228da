package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOEQ;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUNE;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import java.util.function.Supplier;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FPSR's cumulative exception flags of scalar FP instructions in the default environment (so never Input
 * Denormal). Computed only when the program can read FPSR ({@link Emitter#floatExceptionsObserved()}):
 * Invalid Operation, Divide by Zero and Overflow from the operands and the result; Inexact and Underflow (tiny
 * before rounding, and inexact) by exact checks in host arithmetic, and in rare cases by the runtime's.
 */
final class FloatExceptions {
  static final int INVALID = 1;
  static final int DIVIDE_BY_ZERO = 2;
  static final int OVERFLOW = 4;
  static final int UNDERFLOW = 8;
  static final int INEXACT = 16;
  /** The arithmetic operations; 1 to 4 number them for the runtime's elfconv_fp_exceptions too. */
  static final int ADD = 0;
  static final int MULTIPLY = 1;
  static final int DIVIDE = 2;
  static final int SQRT = 3;
  static final int FUSED = 4;

  private FloatExceptions() {}

  /** {@code flag} when cond holds, else 0 (an i32). */
  static LLVMValueRef when(IrBuilder ir, LLVMValueRef cond, int flag) {
    return ir.select(cond, ir.c(32, flag), ir.c(32, 0));
  }

  /** Invalid Operation when an operand is a signalling NaN: the exceptions of FMAX, FMIN, FRINT, FCVT... */
  static LLVMValueRef signallingOperand(FloatOps ops, LLVMValueRef... operands) {
    return when(ops.ir, anyOf(ops, true, operands), INVALID);
  }

  static LLVMValueRef anyOf(FloatOps ops, boolean signalling, LLVMValueRef... operands) {
    LLVMValueRef any = ops.ir.c(1, 0);
    for (LLVMValueRef operand : operands) {
      any = ops.ir.or(any, signalling ? ops.isSignalling(operand) : ops.isNaN(operand));
    }
    return any;
  }

  /**
   * Inexact and Underflow (tiny before rounding, and inexact) of a finite result from finite operands. Single
   * precision is exact in double arithmetic; double precision by error-free transformations where no
   * intermediate can underflow, else (rarely) by the runtime's exact check.
   */
  private static LLVMValueRef roundingExceptions(Emitter e, FloatOps ops, int operation, LLVMValueRef r,
      LLVMValueRef... operands) {
    IrBuilder ir = ops.ir;
    LLVMValueRef a = ops.value(operands[0]);
    LLVMValueRef b = operands.length > 1 ? ops.value(operands[1]) : null;
    LLVMValueRef zero = ops.constant(0);
    if (operation == ADD) { // Fast2Sum, exact for any finite sum; a tiny sum is exact: never Underflow
      LLVMValueRef aBigger = ir.fcmp(LLVMRealOGE, ir.intrinsic("llvm.fabs", a), ir.intrinsic("llvm.fabs", b));
      LLVMValueRef big = ir.select(aBigger, a, b);
      LLVMValueRef small = ir.select(aBigger, b, a);
      return when(ir, ir.fcmp(LLVMRealONE, ir.fsub(small, ir.fsub(r, big)), zero), INEXACT);
    }
    if (ops.f == FloatFormat.SINGLE) {
      return singleRoundingExceptions(ops, operation, r, operands);
    }
    LLVMValueRef usable;
    Supplier<LLVMValueRef> inexact;
    switch (operation) {
      case MULTIPLY -> {
        usable = ir.and(ExactArithmetic.exponentWithin(ir, operands[0], 450),
            ExactArithmetic.exponentWithin(ir, operands[1], 450));
        inexact = () -> ir.fcmp(LLVMRealONE, ExactArithmetic.productError(ir, a, b, r), zero);
      }
      case DIVIDE, SQRT -> { // exact when r * divisor (r * r) gives the dividend (radicand) back exactly
        LLVMValueRef factor = operation == DIVIDE ? b : r;
        LLVMValueRef factorBits = operation == DIVIDE ? operands[1] : ops.bitsOf(r);
        usable = ir.and(ExactArithmetic.exponentWithin(ir, ops.bitsOf(r), 450),
            ExactArithmetic.exponentWithin(ir, factorBits, 450));
        inexact = () -> {
          LLVMValueRef product = ir.fmul(r, factor);
          LLVMValueRef error = ExactArithmetic.productError(ir, r, factor, product);
          return ir.or(ir.fcmp(LLVMRealUNE, product, a), ir.fcmp(LLVMRealONE, error, zero));
        };
      }
      default -> { // FUSED: x * y + z = th + tl + ul exactly, as the fused multiply-add computes them
        LLVMValueRef z = ops.value(operands[2]);
        LLVMValueRef uh = ir.fmul(a, b);
        LLVMValueRef ul = ExactArithmetic.productError(ir, a, b, uh);
        LLVMValueRef th = ir.fadd(z, uh);
        LLVMValueRef tl = ExactArithmetic.sumError(ir, z, uh, th);
        // Where r and th are within a factor of two, r - th is exact (Sterbenz): then r is exact iff tl + ul and
        // th + (tl + ul) both are. In range, no term is below 2^-1004, so a tiny result is zero: never Underflow.
        LLVMValueRef rMagnitude = ir.intrinsic("llvm.fabs", r);
        LLVMValueRef thMagnitude = ir.intrinsic("llvm.fabs", th);
        LLVMValueRef two = ops.constant(2);
        LLVMValueRef close = ir.and(ir.and(ir.fcmp(LLVMRealOLE, thMagnitude, ir.fmul(rMagnitude, two)),
            ir.fcmp(LLVMRealOLE, rMagnitude, ir.fmul(thMagnitude, two))),
            ir.eq(ir.fcmp(LLVMRealOLT, r, zero), ir.fcmp(LLVMRealOLT, th, zero)));
        usable = ir.and(ir.and(ir.and(ExactArithmetic.exponentWithin(ir, operands[0], 450),
            ExactArithmetic.exponentWithin(ir, operands[1], 450)),
            ir.or(ops.isZero(operands[2]), ExactArithmetic.exponentWithin(ir, operands[2], 950))), close);
        inexact = () -> {
          LLVMValueRef v = ir.fadd(tl, ul);
          LLVMValueRef outer = ir.fadd(th, v);
          return ir.or(ir.fcmp(LLVMRealONE, ExactArithmetic.sumError(ir, tl, ul, v), zero),
              ir.fcmp(LLVMRealONE, ExactArithmetic.sumError(ir, th, v, outer), zero));
        };
      }
    }
    LLVMValueRef[] wide = new LLVMValueRef[3];
    for (int k = 0; k < 3; k++) {
      wide[k] = k < operands.length ? ops.value(operands[k]) : zero;
    }
    return ExactArithmetic.fastUnlessRare(e, usable, () -> when(ir, inexact.get(), INEXACT),
        () -> e.arithmeticExceptions(operation, wide[0], wide[1], wide[2], r));
  }

  /** Single precision: products are exact in double, and so is every check here. */
  private static LLVMValueRef singleRoundingExceptions(FloatOps ops, int operation, LLVMValueRef r,
      LLVMValueRef... operands) {
    IrBuilder ir = ops.ir;
    LLVMValueRef x = ops.widened(operands[0]);
    LLVMValueRef y = operands.length > 1 ? ops.widened(operands[1]) : null;
    LLVMValueRef result = ir.fpext(r, ir.m.f64);
    LLVMValueRef minNormal = ir.cf(ir.m.f64, 0x1p-126);
    LLVMValueRef zero = ir.cf(ir.m.f64, 0);
    LLVMValueRef inexact;
    LLVMValueRef tiny = ir.c(1, 0);
    switch (operation) {
      case MULTIPLY -> {
        LLVMValueRef product = ir.fmul(x, y);
        inexact = ir.fcmp(LLVMRealUNE, result, product);
        tiny = ir.fcmp(LLVMRealOLT, ir.intrinsic("llvm.fabs", product), minNormal);
      }
      case DIVIDE -> {
        inexact = ir.fcmp(LLVMRealUNE, ir.fmul(result, y), x);
        // The double quotient cannot round to 2^-126 from below: a quotient of singles is that close only when exact.
        tiny = ir.fcmp(LLVMRealOLT, ir.intrinsic("llvm.fabs", ir.fdiv(x, y)), minNormal);
      }
      case SQRT -> inexact = ir.fcmp(LLVMRealUNE, ir.fmul(result, result), x);
      default -> { // FUSED: x * y + z = sum + error exactly
        LLVMValueRef z = ops.widened(operands[2]);
        LLVMValueRef product = ir.fmul(x, y);
        LLVMValueRef sum = ir.fadd(product, z);
        LLVMValueRef error = ExactArithmetic.sumError(ir, product, z, sum);
        LLVMValueRef errorNonZero = ir.fcmp(LLVMRealONE, error, zero);
        inexact = ir.or(errorNonZero, ir.fcmp(LLVMRealUNE, sum, result));
        LLVMValueRef magnitude = ir.intrinsic("llvm.fabs", sum);
        LLVMValueRef opposite = ir.ne(ir.fcmp(LLVMRealOLT, error, zero), ir.fcmp(LLVMRealOLT, sum, zero));
        tiny = ir.or(ir.fcmp(LLVMRealOLT, magnitude, minNormal),
            ir.and(ir.fcmp(LLVMRealOEQ, magnitude, minNormal), ir.and(errorNonZero, opposite)));
      }
    }
    return ir.select(inexact, ir.select(tiny, ir.c(32, INEXACT | UNDERFLOW), ir.c(32, INEXACT)), ir.c(32, 0));
  }

  /**
   * The exceptions of an arithmetic operation with operands {@code operands} (bits, as the operation sees them:
   * a subtraction's second operand negated) and the host's result. {@code extraInvalid} adds invalid cases the
   * result does not show (a quiet NaN addend of infinity * 0), {@code divideByZero} the division's.
   */
  static LLVMValueRef arithmetic(Emitter e, FloatOps ops, int operation, LLVMValueRef nativeResult,
      LLVMValueRef extraInvalid, LLVMValueRef divideByZero, LLVMValueRef... operands) {
    IrBuilder ir = ops.ir;
    LLVMValueRef invalid = ir.or(ir.or(anyOf(ops, true, operands),
        ir.and(ir.isNaN(nativeResult), ir.not(anyOf(ops, false, operands)))), extraInvalid);
    LLVMValueRef finite = ir.c(1, 1);
    for (LLVMValueRef operand : operands) {
      finite = ir.and(finite, ops.isFinite(operand));
    }
    LLVMValueRef infinite = ir.fcmp(LLVMRealOEQ, ir.intrinsic("llvm.fabs", nativeResult),
        ops.value(ops.c(ops.f.infinity())));
    LLVMValueRef overflow = ir.and(ir.and(infinite, finite), ir.not(divideByZero));
    LLVMValueRef resultFinite = ir.fcmp(LLVMRealOLT, ir.intrinsic("llvm.fabs", nativeResult),
        ops.value(ops.c(ops.f.infinity())));
    LLVMValueRef rounding = ir.select(ir.and(finite, resultFinite),
        roundingExceptions(e, ops, operation, nativeResult, operands), ir.c(32, 0));
    return ir.or(ir.or(when(ir, invalid, INVALID), when(ir, divideByZero, DIVIDE_BY_ZERO)),
        ir.or(when(ir, overflow, OVERFLOW | INEXACT), rounding));
  }
}
