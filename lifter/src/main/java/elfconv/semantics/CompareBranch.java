package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CBZ, CBNZ. */
final class CompareBranch implements Family {
  @Override
  public String disassemble(Insn i) {
    return Asm.join(i.f("op") == 1 ? "cbnz" : "cbz", Asm.r(i.f("rt"), i.is64()), Asm.target(i.sf("imm19") * 4));
  }

  @Override
  public Flow flow(Insn i) {
    return Flow.conditional(i.address() + i.sf("imm19") * 4);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    LLVMValueRef value = e.reg(i.f("rt"), i.is64());
    LLVMValueRef zero = e.ir.eq(value, e.ir.c(value, 0));
    e.branchIf(i.f("op") == 1 ? e.ir.not(zero) : zero, i.address() + i.sf("imm19") * 4);
  }
}
