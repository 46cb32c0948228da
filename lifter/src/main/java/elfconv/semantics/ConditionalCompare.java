package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CCMN, CCMP (register and immediate). */
final class ConditionalCompare {
  private ConditionalCompare() {}

  static void CCMN(Args.CondCompare a, Emitter e) {
    compare(a, e, false);
  }

  static void CCMP(Args.CondCompare a, Emitter e) {
    compare(a, e, true);
  }

  /** The flags of Rn + or - (Rm or imm5) when the condition holds, else the immediate nzcv. */
  private static void compare(Args.CondCompare a, Emitter e, boolean subtract) {
    IrBuilder ir = e.ir;
    boolean x = a.sf() == 1;
    LLVMValueRef holds = e.condition(a.cond());
    LLVMValueRef b = a.imm() == 1 ? ir.c(x ? 64 : 32, a.y()) : e.reg(a.y(), x);
    Alu.addOrSubtract(e, e.reg(a.rn(), x), b, subtract, true);
    LLVMValueRef[] compared = {e.n(), e.z(), e.carry(), e.v()};
    LLVMValueRef[] chosen = new LLVMValueRef[4];
    for (int k = 0; k < 4; k++) {
      chosen[k] = ir.select(holds, compared[k], ir.c(1, (a.nzcv() >> (3 - k)) & 1));
    }
    e.setFlags(chosen[0], chosen[1], chosen[2], chosen[3]);
  }
}
