package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** TBZ, TBNZ. */
final class TestBranch {
  private TestBranch() {}

  static void TBZ(Args.TestBranch a, Emitter e) {
    e.branchIf(e.ir.not(bitSet(a, e)), e.pc() + a.imm14() * 4L);
  }

  static void TBNZ(Args.TestBranch a, Emitter e) {
    e.branchIf(bitSet(a, e), e.pc() + a.imm14() * 4L);
  }

  private static LLVMValueRef bitSet(Args.TestBranch a, Emitter e) {
    return e.ir.bit(e.reg(a.rt(), true), a.b5() << 5 | a.b40());
  }
}
