package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOEQ;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUNO;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FCMP and FCMPE (of two registers, or of one with +0.0), FCCMP and FCCMPE (compare when the condition holds,
 * else NZCV from the immediate). Less: 1000, equal: 0110, greater: 0010, unordered: 0011. The E forms differ only
 * in which NaNs raise Invalid Operation.
 */
final class FloatCompare {
  private FloatCompare() {}

  static void FCMP(Args.FpCompare a, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    LLVMValueRef n = ops.read(a.rn());
    LLVMValueRef m = a.z() == 1 ? ops.c(0) : ops.read(a.rm());
    LLVMValueRef[] nzcv = compare(e, ops, n, m, a.e() == 1, e.ir.c(1, 1));
    e.setFlags(nzcv[0], nzcv[1], nzcv[2], nzcv[3]);
  }

  static void FCCMP(Args.FpCondCompare a, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    IrBuilder ir = e.ir;
    LLVMValueRef n = ops.read(a.rn());
    LLVMValueRef m = ops.read(a.rm());
    LLVMValueRef holds = e.condition(a.cond());
    LLVMValueRef[] nzcv = compare(e, ops, n, m, a.e() == 1, holds);
    for (int k = 0; k < 4; k++) {
      nzcv[k] = ir.select(holds, nzcv[k], ir.c(1, (a.nzcv() >> (3 - k)) & 1));
    }
    e.setFlags(nzcv[0], nzcv[1], nzcv[2], nzcv[3]);
  }

  /**
   * N, Z, C, V of comparing a with b; where the program can observe it, Invalid Operation raised when {@code
   * compared} holds: by every NaN for FCMPE ({@code signalling}), by signalling ones for FCMP. In exact mode the
   * runtime compares (as FZ has it), and only when {@code compared} holds, for its exceptions.
   */
  private static LLVMValueRef[] compare(Emitter e, FloatOps ops, LLVMValueRef a, LLVMValueRef b,
      boolean signalling, LLVMValueRef compared) {
    IrBuilder ir = e.ir;
    if (e.exactFloat()) {
      LLVMValueRef nzcv = new FloatElement(FloatElement.Operation.COMPARE, ops.f).signalling(signalling)
          .byRuntime(e, 4, a, b, ir.zext(compared, 64));
      return new LLVMValueRef[] {ir.bit(nzcv, 3), ir.bit(nzcv, 2), ir.bit(nzcv, 1), ir.bit(nzcv, 0)};
    }
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef less = ir.fcmp(LLVMRealOLT, x, y);
    LLVMValueRef[] flags = {less, ir.fcmp(LLVMRealOEQ, x, y), ir.not(less), ir.fcmp(LLVMRealUNO, x, y)};
    if (e.floatExceptionsObserved()) {
      LLVMValueRef invalid = ir.and(compared, FloatExceptions.anyOf(ops, !signalling, a, b));
      e.raiseFloatExceptions(FloatExceptions.when(ir, invalid, FloatExceptions.INVALID));
    }
    return flags;
  }
}
