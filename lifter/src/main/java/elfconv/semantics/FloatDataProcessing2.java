package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Scalar FP with two sources: FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL. FMAX and FMIN order -0
 * below +0; the NM forms treat a single quiet NaN as missing data; FNMUL negates whatever FPMul gives, NaNs too.
 */
final class FloatDataProcessing2 implements Family {
  private static final String[] MNEMONICS =
      {"fmul", "fdiv", "fadd", "fsub", "fmax", "fmin", "fmaxnm", "fminnm", "fnmul"};

  @Override
  public String unallocated(Insn i) {
    if (i.f("type") > 1) {
      return "half-precision arithmetic needs FEAT_FP16";
    }
    return i.f("opcode") < MNEMONICS.length ? null : "unallocated two-source FP opcode";
  }

  @Override
  public boolean readsFpcr(Insn i) {
    return true;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    return Asm.join(MNEMONICS[i.f("opcode")], f.register(i.f("rd")), f.register(i.f("rn")), f.register(i.f("rm")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    IrBuilder ir = e.ir;
    LLVMValueRef a = ops.read(i.f("rn"));
    LLVMValueRef b = ops.read(i.f("rm"));
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef result = switch (i.f("opcode")) {
      case 0 -> ops.result(ir.fmul(x, y), a, b);
      case 1 -> ops.result(ir.fdiv(x, y), a, b);
      case 2 -> ops.result(ir.fadd(x, y), a, b);
      case 3 -> ops.result(ir.fsub(x, y), a, b);
      case 4 -> maximum(ops, a, b, true);
      case 5 -> maximum(ops, a, b, false);
      case 6 -> maximum(ops, missingAs(ops, a, b, true), missingAs(ops, b, a, true), true);
      case 7 -> maximum(ops, missingAs(ops, a, b, false), missingAs(ops, b, a, false), false);
      default -> ops.negate(ops.result(ir.fmul(x, y), a, b));
    };
    ops.write(i.f("rd"), result);
    if (e.floatExceptionsObserved()) {
      e.raiseFloatExceptions(exceptions(e, ops, i.f("opcode"), a, b));
    }
  }

  private static LLVMValueRef exceptions(Emitter e, FloatOps ops, int opcode, LLVMValueRef a, LLVMValueRef b) {
    IrBuilder ir = ops.ir;
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef no = ir.c(1, 0);
    return switch (opcode) {
      case 0, 8 -> FloatExceptions.arithmetic(e, ops, FloatExceptions.MULTIPLY, ir.fmul(x, y), no, no, a, b);
      case 1 -> {
        LLVMValueRef divideByZero = ir.and(ops.isZero(b), ir.and(ops.isFinite(a), ir.not(ops.isZero(a))));
        yield FloatExceptions.arithmetic(e, ops, FloatExceptions.DIVIDE, ir.fdiv(x, y), no, divideByZero, a, b);
      }
      case 2 -> FloatExceptions.arithmetic(e, ops, FloatExceptions.ADD, ir.fadd(x, y), no, no, a, b);
      case 3 -> FloatExceptions.arithmetic(e, ops, FloatExceptions.ADD, ir.fsub(x, y), no, no, a, ops.negate(b));
      default -> FloatExceptions.signallingOperand(ops, a, b);
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
