package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.a64.Pattern;
import elfconv.lift.Emitter;

/**
 * Instructions whose execution ends in a signal: BRK (a breakpoint, SIGTRAP), UDF and every unallocated encoding
 * (SIGILL).
 */
final class Trap implements Family {
  private static final int SIGILL = 4;
  private static final int SIGTRAP = 5;

  @Override
  public String disassemble(Insn i) {
    if (i.pattern() == Pattern.UNALLOCATED) {
      return String.format(".inst 0x%08x", i.word());
    }
    return i.pattern().name().equals("BRK") ? Asm.join("brk", Asm.hex(i.f("imm16")))
        : Asm.join("udf", Asm.imm(i.f("imm16")));
  }

  @Override
  public Flow flow(Insn i) {
    return Flow.STOP;
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.trap(i.pattern().name().equals("BRK") ? SIGTRAP : SIGILL);
  }
}
