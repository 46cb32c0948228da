package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** BRK: a breakpoint, which Linux delivers to the process as SIGTRAP. */
final class Breakpoint implements Family {
  static final int SIGTRAP = 5;

  @Override
  public String disassemble(Insn i) {
    return Asm.join("brk", Asm.hex(i.f("imm16")));
  }

  @Override
  public Flow flow(Insn i) {
    return Flow.STOP;
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.trap(SIGTRAP);
  }
}
