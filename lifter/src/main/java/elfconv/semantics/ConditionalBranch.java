package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** B.cond; conditions 14 and 15 always hold. */
final class ConditionalBranch {
  private ConditionalBranch() {}

  static void B_cond(Args.CondBranch a, Emitter e) {
    long target = e.pc() + a.imm19() * 4L;
    if (a.cond() >= 14) {
      e.branch(target);
    } else {
      e.branchIf(e.condition(a.cond()), target);
    }
  }
}
