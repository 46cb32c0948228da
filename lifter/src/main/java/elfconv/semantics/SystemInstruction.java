package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/** The SYS operations user code may execute: DC ZVA (zeroes a 64-byte block) and cache maintenance (no effect). */
final class SystemInstruction {
  /** DCZID_EL0 reports blocks of 2^4 words. */
  static final int ZVA_BLOCK = 64;

  private SystemInstruction() {}

  static void DC_ZVA(Args.System a, Emitter e) {
    var block = e.ir.and(e.reg(a.rt(), true), e.ir.c(64, -ZVA_BLOCK));
    for (int offset = 0; offset < ZVA_BLOCK; offset += 8) {
      e.store(e.ir.add(block, e.ir.c(64, offset)), e.ir.c(64, 0));
    }
  }

  static void DC_CVAC(Args.System a, Emitter e) {
  }

  static void DC_CVAU(Args.System a, Emitter e) {
  }

  static void DC_CIVAC(Args.System a, Emitter e) {
  }

  static void IC_IVAU(Args.System a, Emitter e) {
  }
}
