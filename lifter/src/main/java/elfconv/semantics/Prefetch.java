package elfconv.semantics;

import elfconv.lift.Emitter;

/** PRFM (immediate, register, literal) and PRFUM: cache hints, which do nothing here. */
final class Prefetch {
  private Prefetch() {}

  static void PRFM(Emitter e) {}
}
