package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** ADR, ADRP. */
final class PcRelative implements Family {
  private static long offset(Insn i) {
    long imm = (i.sf("immhi") << 2) | i.f("immlo");
    return i.f("op") == 1 ? imm << 12 : imm;
  }

  private static long value(Insn i) {
    return (i.f("op") == 1 ? i.address() & ~0xfffL : i.address()) + offset(i);
  }

  @Override
  public String disassemble(Insn i) {
    return Asm.join(i.f("op") == 1 ? "adrp" : "adr", Asm.r(i.f("rd"), true), Asm.target(offset(i)));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.setReg(i.f("rd"), e.ir.c(64, value(i)));
  }
}
