package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (shifted register), with the CMP, CMN, NEG and NEGS aliases. */
final class AddSubShifted {
  private AddSubShifted() {}

  static void ADD_r(Args.AddSubReg a, Emitter e) {
    addSub(a, e, false, false);
  }

  static void ADDS_r(Args.AddSubReg a, Emitter e) {
    addSub(a, e, false, true);
  }

  static void SUB_r(Args.AddSubReg a, Emitter e) {
    addSub(a, e, true, false);
  }

  static void SUBS_r(Args.AddSubReg a, Emitter e) {
    addSub(a, e, true, true);
  }

  private static void addSub(Args.AddSubReg a, Emitter e, boolean subtract, boolean setFlags) {
    boolean x = a.sf() == 1;
    LLVMValueRef b = Alu.shift(e.ir, e.reg(a.rm(), x), a.shift(), a.imm6());
    e.setReg(a.rd(), Alu.addOrSubtract(e, e.reg(a.rn(), x), b, subtract, setFlags));
  }
}
