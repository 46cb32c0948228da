package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** B, BL. */
final class BranchImmediate implements Family {
  private static long target(Insn i) {
    return i.address() + i.sf("imm26") * 4;
  }

  @Override
  public String disassemble(Insn i) {
    return Asm.join(i.f("op") == 1 ? "bl" : "b", Asm.target(i.sf("imm26") * 4));
  }

  @Override
  public Flow flow(Insn i) {
    return i.f("op") == 1 ? Flow.call(target(i)) : Flow.branch(target(i));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    if (i.f("op") == 1) {
      e.call(target(i));
    } else {
      e.branch(target(i));
    }
  }
}
