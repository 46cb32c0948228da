package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.a64.Pattern;
import elfconv.lift.Emitter;

/** UDF and every unallocated encoding: executing one raises SIGILL. */
final class Undefined implements Family {
  static final int SIGILL = 4;

  @Override
  public String disassemble(Insn i) {
    return i.pattern() == Pattern.UNALLOCATED ? String.format(".inst 0x%08x", i.word())
        : Asm.join("udf", Asm.imm(i.f("imm16")));
  }

  @Override
  public Flow flow(Insn i) {
    return Flow.STOP;
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.trap(SIGILL);
  }
}
