package elfconv.semantics;

import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;

/** DMB, DSB, ISB (no effect on one thread) and CLREX (clears the exclusive monitor). */
final class Barrier {
  private Barrier() {}

  static void CLREX(Emitter e) {
    e.setStateRegister(GuestLayout.EXCLUSIVE_ADDRESS, e.ir.c(64, 0));
  }

  static void DSB_DMB(Emitter e) {
  }

  static void ISB(Emitter e) {
  }
}
