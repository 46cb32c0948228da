package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** B, BL. */
final class BranchImmediate {
  private BranchImmediate() {}

  static void B(Args.Branch a, Emitter e) {
    e.branch(e.pc() + a.imm26() * 4L);
  }

  static void BL(Args.Branch a, Emitter e) {
    e.call(e.pc() + a.imm26() * 4L);
  }
}
