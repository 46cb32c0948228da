package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOEQ;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FPSR's cumulative exception flags of scalar FP instructions in the default environment (so never Input
 * Denormal). Computed only when the program can read FPSR ({@link Emitter#floatExceptionsObserved()}):
 * Invalid Operation, Divide by Zero and Overflow from the operands and the result here; Inexact and Underflow
 * (tiny before rounding, and inexact) of arithmetic by the runtime's exact check.
 */
final class FloatExceptions {
  static final int INVALID = 1;
  static final int DIVIDE_BY_ZERO = 2;
  static final int OVERFLOW = 4;
  static final int UNDERFLOW = 8;
  static final int INEXACT = 16;
  /** Operations of the runtime's elfconv_fp_exceptions. */
  static final int ADD = 0;
  static final int MULTIPLY = 1;
  static final int DIVIDE = 2;
  static final int SQRT = 3;
  static final int FUSED = 4;
  private static final int SINGLE = 16;

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
    LLVMValueRef[] wide = new LLVMValueRef[3];
    for (int k = 0; k < 3; k++) {
      wide[k] = k < operands.length ? ops.widened(operands[k]) : ir.cf(ir.m.f64, 0);
    }
    LLVMValueRef result = ops.f == FloatFormat.DOUBLE ? nativeResult : ir.fpext(nativeResult, ir.m.f64);
    int code = operation | (ops.f == FloatFormat.SINGLE ? SINGLE : 0);
    LLVMValueRef rounding = e.arithmeticExceptions(code, wide[0], wide[1], wide[2], result);
    return ir.or(ir.or(when(ir, invalid, INVALID), when(ir, divideByZero, DIVIDE_BY_ZERO)),
        ir.or(when(ir, overflow, OVERFLOW | INEXACT), rounding));
  }
}
