package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (immediate), with the MOV (to/from SP), CMP and CMN aliases. */
final class AddSubImmediate {
  private AddSubImmediate() {}

  static void ADD_i(Args.AddSubImm a, Emitter e) {
    addSub(a, e, false, false);
  }

  static void ADDS_i(Args.AddSubImm a, Emitter e) {
    addSub(a, e, false, true);
  }

  static void SUB_i(Args.AddSubImm a, Emitter e) {
    addSub(a, e, true, false);
  }

  static void SUBS_i(Args.AddSubImm a, Emitter e) {
    addSub(a, e, true, true);
  }

  /** Rn may be SP; so may Rd, unless the flags are set. */
  private static void addSub(Args.AddSubImm a, Emitter e, boolean subtract, boolean setFlags) {
    boolean x = a.sf() == 1;
    LLVMValueRef n = e.regOrSp(a.rn(), x);
    long imm = (long) a.imm12() << (12 * a.sh());
    LLVMValueRef result = Alu.addOrSubtract(e, n, e.ir.c(x ? 64 : 32, imm), subtract, setFlags);
    if (setFlags) {
      e.setReg(a.rd(), result);
    } else {
      e.setRegOrSp(a.rd(), result);
    }
  }
}
