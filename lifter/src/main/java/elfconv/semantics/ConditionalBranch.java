package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** B.cond. */
final class ConditionalBranch implements Family {
  @Override
  public String disassemble(Insn i) {
    return Asm.join("b." + Asm.cond(i.f("cond")), Asm.target(i.sf("imm19") * 4));
  }

  @Override
  public Flow flow(Insn i) {
    long target = i.address() + i.sf("imm19") * 4;
    return i.f("cond") >= 14 ? Flow.branch(target) : Flow.conditional(target);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    long target = i.address() + i.sf("imm19") * 4;
    if (i.f("cond") >= 14) {
      e.branch(target);
    } else {
      e.branchIf(e.condition(i.f("cond")), target);
    }
  }
}
