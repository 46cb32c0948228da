package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** TBZ, TBNZ. */
final class TestBranch implements Family {
  private static int bit(Insn i) {
    return i.f("b5") << 5 | i.f("b40");
  }

  @Override
  public String disassemble(Insn i) {
    return Asm.join(i.f("op") == 1 ? "tbnz" : "tbz", Asm.r(i.f("rt"), i.f("b5") == 1), Asm.imm(bit(i)),
        Asm.target(i.sf("imm14") * 4));
  }

  @Override
  public Flow flow(Insn i) {
    return Flow.conditional(i.address() + i.sf("imm14") * 4);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    LLVMValueRef set = e.ir.bit(e.reg(i.f("rt"), true), bit(i));
    e.branchIf(i.f("op") == 1 ? set : e.ir.not(set), i.address() + i.sf("imm14") * 4);
  }
}
