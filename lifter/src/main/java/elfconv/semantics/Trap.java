package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/**
 * Instructions whose execution ends in a signal: BRK (a breakpoint, SIGTRAP), UDF and every unallocated encoding
 * (SIGILL).
 */
final class Trap {
  private static final int SIGILL = 4;
  private static final int SIGTRAP = 5;

  private Trap() {}

  static void BRK(Args.Exception a, Emitter e) {
    e.trap(SIGTRAP);
  }

  static void UDF(Args.Exception a, Emitter e) {
    e.trap(SIGILL);
  }

  static void UNALLOCATED(Emitter e) {
    e.trap(SIGILL);
  }
}
