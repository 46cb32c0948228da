package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** SVC: a Linux system call (the immediate is ignored, as Linux does). */
final class Supervisor implements Family {
  @Override
  public String disassemble(Insn i) {
    return Asm.join("svc", Asm.hex(i.f("imm16")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.syscall();
  }
}
