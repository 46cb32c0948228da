package elfconv.semantics;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** BR, BLR, RET. */
final class BranchRegister implements Family {
  @Override
  public String unallocated(Insn i) {
    return i.f("op") == 3 ? "op=11" : null;
  }

  @Override
  public String disassemble(Insn i) {
    String rn = Asm.r(i.f("rn"), true);
    return switch (i.f("op")) {
      case 0 -> Asm.join("br", rn);
      case 1 -> Asm.join("blr", rn);
      default -> i.f("rn") == 30 ? "ret" : Asm.join("ret", rn);
    };
  }

  @Override
  public Flow flow(Insn i) {
    return switch (i.f("op")) {
      case 0 -> Flow.JUMP_INDIRECT;
      case 1 -> Flow.CALL_INDIRECT;
      default -> Flow.RETURN;
    };
  }

  @Override
  public void lift(Insn i, Emitter e) {
    var target = e.reg(i.f("rn"), true);
    switch (i.f("op")) {
      case 0 -> e.jumpIndirect(target);
      case 1 -> e.callIndirect(target);
      default -> e.ret(target);
    }
  }
}
