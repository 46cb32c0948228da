package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import java.util.Map;

/** The SYS operations user code may execute: DC ZVA (zeroes a 64-byte block) and cache maintenance (no effect). */
final class SystemInstruction implements Family {
  private static final String DC_ZVA = "dc zva";
  /** op1:CRn:CRm:op2 of each operation, as in the Arm ARM. */
  private static final Map<Integer, String> OPERATIONS = Map.of(
      encode(3, 7, 4, 1), DC_ZVA,
      encode(3, 7, 10, 1), "dc cvac",
      encode(3, 7, 11, 1), "dc cvau",
      encode(3, 7, 14, 1), "dc civac",
      encode(3, 7, 5, 1), "ic ivau");
  /** DCZID_EL0 reports blocks of 2^4 words. */
  static final int ZVA_BLOCK = 64;

  private static int encode(int op1, int crn, int crm, int op2) {
    return op1 << 11 | crn << 7 | crm << 3 | op2;
  }

  private static String operation(Insn i) {
    return OPERATIONS.get(encode(i.f("op1"), i.f("crn"), i.f("crm"), i.f("op2")));
  }

  @Override
  public String unallocated(Insn i) {
    return operation(i) == null ? "not a system operation user code may execute" : null;
  }

  @Override
  public String disassemble(Insn i) {
    return operation(i) + ", " + Asm.r(i.f("rt"), true);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    if (operation(i).equals(DC_ZVA)) {
      var block = e.ir.and(e.reg(i.f("rt"), true), e.ir.c(64, -ZVA_BLOCK));
      for (int offset = 0; offset < ZVA_BLOCK; offset += 8) {
        e.store(e.ir.add(block, e.ir.c(64, offset)), e.ir.c(64, 0));
      }
    }
  }
}
