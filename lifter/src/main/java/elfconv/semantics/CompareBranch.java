package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CBZ, CBNZ. */
final class CompareBranch {
  private CompareBranch() {}

  static void CBZ(Args.CompareBranch a, Emitter e) {
    e.branchIf(isZero(a, e), e.pc() + a.imm19() * 4L);
  }

  static void CBNZ(Args.CompareBranch a, Emitter e) {
    e.branchIf(e.ir.not(isZero(a, e)), e.pc() + a.imm19() * 4L);
  }

  private static LLVMValueRef isZero(Args.CompareBranch a, Emitter e) {
    LLVMValueRef value = e.reg(a.rt(), a.sf() == 1);
    return e.ir.eq(value, e.ir.c(value, 0));
  }
}
