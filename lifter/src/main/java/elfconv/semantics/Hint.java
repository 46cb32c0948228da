package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** NOP and the rest of the hint space: no effect on a single-threaded ARMv8.0 user process. */
final class Hint implements Family {
  /** The hints LLVM names for a cortex-a72; the rest print as "hint #n". */
  private static final String[] NAMES = {"nop", "yield", "wfe", "wfi", "sev", "sevl", "dgh"};

  @Override
  public String disassemble(Insn i) {
    int n = i.f("crm") << 3 | i.f("op2");
    return n < NAMES.length ? NAMES[n] : n == 20 ? "csdb" : "hint " + Asm.imm(n);
  }

  @Override
  public void lift(Insn i, Emitter e) {
  }
}
