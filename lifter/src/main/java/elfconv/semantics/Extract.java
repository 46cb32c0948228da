package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** EXTR, with the ROR (immediate) alias. */
final class Extract {
  private Extract() {}

  static void EXTR(Args.Extract a, Emitter e) {
    boolean x = a.sf() == 1;
    e.setReg(a.rd(), e.ir.intrinsic("llvm.fshr", e.reg(a.rn(), x), e.reg(a.rm(), x), e.ir.c(x ? 64 : 32, a.imms())));
  }
}
