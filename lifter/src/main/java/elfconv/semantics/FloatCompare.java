package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOEQ;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUNO;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FCMP and FCMPE (of two registers, or of one with +0.0), FCCMP and FCCMPE (compare when the condition holds,
 * else NZCV from the immediate). Less: 1000, equal: 0110, greater: 0010, unordered: 0011. The E forms differ only
 * in which NaNs raise Invalid Operation.
 */
final class FloatCompare implements Family {
  private static boolean conditional(Insn i) {
    return i.pattern().name().equals("FP_COND_COMPARE");
  }

  private static boolean signalling(Insn i) {
    return conditional(i) ? i.f("op") == 1 : (i.f("opc") & 2) != 0;
  }

  private static boolean withZero(Insn i) {
    return !conditional(i) && (i.f("opc") & 1) != 0;
  }

  @Override
  public String unallocated(Insn i) {
    return i.f("type") > 1 ? "half-precision arithmetic needs FEAT_FP16" : null;
  }

  @Override
  public boolean readsFpcr(Insn i) {
    return true;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    String mnemonic = (conditional(i) ? "fccmp" : "fcmp") + (signalling(i) ? "e" : "");
    String n = f.register(i.f("rn"));
    if (conditional(i)) {
      return Asm.join(mnemonic, n, f.register(i.f("rm")), Asm.imm(i.f("nzcv")), Asm.cond(i.f("cond")));
    }
    return Asm.join(mnemonic, n, withZero(i) ? "#0.0" : f.register(i.f("rm")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    IrBuilder ir = e.ir;
    LLVMValueRef a = ops.read(i.f("rn"));
    LLVMValueRef b = withZero(i) ? ops.c(0) : ops.read(i.f("rm"));
    LLVMValueRef x = ops.value(a);
    LLVMValueRef y = ops.value(b);
    LLVMValueRef less = ir.fcmp(LLVMRealOLT, x, y);
    LLVMValueRef[] compared = {less, ir.fcmp(LLVMRealOEQ, x, y), ir.not(less), ir.fcmp(LLVMRealUNO, x, y)};
    LLVMValueRef holds = conditional(i) ? e.condition(i.f("cond")) : ir.c(1, 1);
    if (e.floatExceptionsObserved()) {
      // FCMPE signals on every NaN, FCMP only on signalling ones.
      LLVMValueRef invalid = ir.and(holds, FloatExceptions.anyOf(ops, !signalling(i), a, b));
      e.raiseFloatExceptions(FloatExceptions.when(ir, invalid, FloatExceptions.INVALID));
    }
    if (conditional(i)) {
      int nzcv = i.f("nzcv");
      for (int k = 0; k < 4; k++) {
        compared[k] = ir.select(holds, compared[k], ir.c(1, (nzcv >> (3 - k)) & 1));
      }
    }
    e.setFlags(compared[0], compared[1], compared[2], compared[3]);
  }
}
