package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (extended register), with the CMP and CMN aliases. */
final class AddSubExtended {
  private AddSubExtended() {}

  static void ADD_ext(Args.AddSubExt a, Emitter e) {
    addSub(a, e, false, false);
  }

  static void ADDS_ext(Args.AddSubExt a, Emitter e) {
    addSub(a, e, false, true);
  }

  static void SUB_ext(Args.AddSubExt a, Emitter e) {
    addSub(a, e, true, false);
  }

  static void SUBS_ext(Args.AddSubExt a, Emitter e) {
    addSub(a, e, true, true);
  }

  /** Rn may be SP; so may Rd, unless the flags are set. */
  private static void addSub(Args.AddSubExt a, Emitter e, boolean subtract, boolean setFlags) {
    boolean x = a.sf() == 1;
    LLVMValueRef b = Alu.extend(e.ir, e.reg(a.rm(), true), a.option(), a.imm3(), x ? 64 : 32);
    LLVMValueRef result = Alu.addOrSubtract(e, e.regOrSp(a.rn(), x), b, subtract, setFlags);
    if (setFlags) {
      e.setReg(a.rd(), result);
    } else {
      e.setRegOrSp(a.rd(), result);
    }
  }
}
