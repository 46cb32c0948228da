package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** BR, BLR, RET. */
final class BranchRegister {
  private BranchRegister() {}

  static void BR(Args.BranchReg a, Emitter e) {
    e.jumpIndirect(e.reg(a.rn(), true));
  }

  static void BLR(Args.BranchReg a, Emitter e) {
    e.callIndirect(e.reg(a.rn(), true));
  }

  static void RET(Args.BranchReg a, Emitter e) {
    e.ret(e.reg(a.rn(), true));
  }
}
