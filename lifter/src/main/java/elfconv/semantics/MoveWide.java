package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** MOVN, MOVZ, MOVK, with the MOV (wide immediate) aliases. */
final class MoveWide {
  private MoveWide() {}

  private static long shifted(Args.MoveWide a) {
    return (long) a.imm16() << (16 * a.hw());
  }

  static void MOVN(Args.MoveWide a, Emitter e) {
    e.setReg(a.rd(), e.ir.c(a.sf() == 1 ? 64 : 32, ~shifted(a)));
  }

  static void MOVZ(Args.MoveWide a, Emitter e) {
    e.setReg(a.rd(), e.ir.c(a.sf() == 1 ? 64 : 32, shifted(a)));
  }

  static void MOVK(Args.MoveWide a, Emitter e) {
    int width = a.sf() == 1 ? 64 : 32;
    long keep = ~(0xffffL << (16 * a.hw()));
    e.setReg(a.rd(), e.ir.or(e.ir.and(e.reg(a.rd(), width == 64), e.ir.c(width, keep)), e.ir.c(width, shifted(a))));
  }
}
