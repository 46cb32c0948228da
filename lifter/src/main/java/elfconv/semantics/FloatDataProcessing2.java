package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Scalar FP with two sources: FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL. FMAX and FMIN order -0
 * below +0; the NM forms treat a single quiet NaN as missing data; FNMUL negates whatever FPMul gives, NaNs too.
 */
final class FloatDataProcessing2 {
  private FloatDataProcessing2() {}

  /** What the two-source encodings compute, as numbered by their opcode field (bits 15..12). */
  enum Operation { MUL, DIV, ADD, SUB, MAX, MIN, MAXNM, MINNM }

  static void FMUL_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MUL, false);
  }

  static void FDIV_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.DIV, false);
  }

  static void FADD_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.ADD, false);
  }

  static void FSUB_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.SUB, false);
  }

  static void FMAX_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MAX, false);
  }

  static void FMIN_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MIN, false);
  }

  static void FMAXNM_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MAXNM, false);
  }

  static void FMINNM_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MINNM, false);
  }

  static void FNMUL_s(Args.FpBinary a, Emitter e) {
    lift(a, e, Operation.MUL, true);
  }

  /** The operation, its result negated for FNMUL ({@code negated}), NaNs too. */
  private static void lift(Args.FpBinary args, Emitter e, Operation operation, boolean negated) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(args.type()));
    LLVMValueRef a = ops.read(args.rn());
    LLVMValueRef b = ops.read(args.rm());
    FloatElement element = new FloatElement(switch (operation) {
      case MUL -> FloatElement.Operation.MUL;
      case DIV -> FloatElement.Operation.DIV;
      case ADD -> FloatElement.Operation.ADD;
      case SUB -> FloatElement.Operation.SUB;
      case MAX -> FloatElement.Operation.MAX;
      case MIN -> FloatElement.Operation.MIN;
      case MAXNM -> FloatElement.Operation.MAXNM;
      case MINNM -> FloatElement.Operation.MINNM;
    }, ops.f);
    LLVMValueRef result = element.scalar(e, ops.f.bits(), () -> apply(e, ops, operation, a, b), a, b);
    ops.write(args.rd(), negated ? ops.negate(result) : result);
  }

  /** The operation on two elements (bits), its exceptions raised where the program can see them. */
  static LLVMValueRef apply(Emitter e, FloatOps ops, Operation operation, LLVMValueRef a, LLVMValueRef b) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef result = switch (operation) {
      case MUL -> ops.result(ir.fmul(x, y), a, b);
      case DIV -> ops.result(ir.fdiv(x, y), a, b);
      case ADD -> ops.result(ir.fadd(x, y), a, b);
      case SUB -> ops.result(ir.fsub(x, y), a, b);
      case MAX -> maximum(ops, a, b, true);
      case MIN -> maximum(ops, a, b, false);
      case MAXNM -> maximum(ops, missingAs(ops, a, b, true), missingAs(ops, b, a, true), true);
      case MINNM -> maximum(ops, missingAs(ops, a, b, false), missingAs(ops, b, a, false), false);
    };
    if (e.floatExceptionsObserved()) {
      e.raiseFloatExceptions(exceptions(e, ops, operation, a, b));
    }
    return result;
  }

  private static LLVMValueRef exceptions(Emitter e, FloatOps ops, Operation operation, LLVMValueRef a,
      LLVMValueRef b) {
    IrBuilder ir = ops.ir;
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef no = ir.c(1, 0);
    return switch (operation) {
      case MUL -> FloatExceptions.arithmetic(e, ops, FloatExceptions.MULTIPLY, ir.fmul(x, y), no, no, a, b);
      case DIV -> {
        LLVMValueRef divideByZero = ir.and(ops.isZero(b), ir.and(ops.isFinite(a), ir.not(ops.isZero(a))));
        yield FloatExceptions.arithmetic(e, ops, FloatExceptions.DIVIDE, ir.fdiv(x, y), no, divideByZero, a, b);
      }
      case ADD -> FloatExceptions.arithmetic(e, ops, FloatExceptions.ADD, ir.fadd(x, y), no, no, a, b);
      case SUB -> FloatExceptions.arithmetic(e, ops, FloatExceptions.ADD, ir.fsub(x, y), no, no, a, ops.negate(b));
      case MAX, MIN, MAXNM, MINNM -> FloatExceptions.signallingOperand(ops, a, b);
    };
  }

  /** FMAX (or FMIN): NaNs as FPProcessNaNs; of two zeros, max gives +0 and min -0. */
  private static LLVMValueRef maximum(FloatOps ops, LLVMValueRef a, LLVMValueRef b, boolean max) {
    IrBuilder ir = ops.ir;
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    int firstWins = max ? LLVMRealOGT : LLVMRealOLT;
    // Equal operands differ at most in the sign of zero: AND of the bits keeps +0 for max, OR keeps -0 for min.
    LLVMValueRef equal = max ? ir.and(a, b) : ir.or(a, b);
    LLVMValueRef ordered = ir.select(ir.fcmp(firstWins, x, y), a,
        ir.select(ir.fcmp(firstWins, y, x), b, equal));
    return ir.select(ir.or(ops.isNaN(a), ops.isNaN(b)), ops.processNaNs(a, b), ordered);
  }

  /**
   * FMAXNM/FMINNM's treatment of one quiet NaN: replaced by the infinity that loses to the other operand, when
   * that one is not a NaN.
   */
  private static LLVMValueRef missingAs(FloatOps ops, LLVMValueRef operand, LLVMValueRef other, boolean max) {
    IrBuilder ir = ops.ir;
    LLVMValueRef quietNaN = ir.and(ops.isNaN(operand), ir.not(ops.isSignalling(operand)));
    LLVMValueRef loser = ops.c(max ? ops.f.infinity() | ops.f.signBit() : ops.f.infinity());
    return ir.select(ir.and(quietNaN, ir.not(ops.isNaN(other))), loser, operand);
  }
}
