package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** ADR, ADRP. */
final class PcRelative {
  private PcRelative() {}

  private static long offset(Args.PcRel a) {
    return (long) a.immhi() << 2 | a.immlo();
  }

  static void ADR(Args.PcRel a, Emitter e) {
    e.setReg(a.rd(), e.ir.c(64, e.pc() + offset(a)));
  }

  static void ADRP(Args.PcRel a, Emitter e) {
    e.setReg(a.rd(), e.ir.c(64, (e.pc() & ~0xfffL) + (offset(a) << 12)));
  }
}
