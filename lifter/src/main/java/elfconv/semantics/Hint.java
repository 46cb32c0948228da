package elfconv.semantics;

import elfconv.lift.Emitter;

/** NOP and the rest of the hint space: no effect on a single-threaded ARMv8.0 user process. */
final class Hint {
  private Hint() {}

  static void NOP(Emitter e) {
  }
}
