package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;

/** DMB, DSB, ISB (no effect on one thread) and CLREX (clears the exclusive monitor). */
final class Barrier implements Family {
  private static final int CLREX = 2;
  private static final int DSB = 4;
  private static final int DMB = 5;
  private static final int ISB = 6;
  private static final String[] OPTIONS = {"#0", "oshld", "oshst", "osh", "#4", "nshld", "nshst", "nsh", "#8",
      "ishld", "ishst", "ish", "#12", "ld", "st", "sy"};

  @Override
  public String unallocated(Insn i) {
    int op2 = i.f("op2");
    return op2 == CLREX || op2 == DSB || op2 == DMB || op2 == ISB ? null : "not a barrier of ARMv8.0";
  }

  @Override
  public String disassemble(Insn i) {
    int crm = i.f("crm");
    return switch (i.f("op2")) {
      case CLREX -> crm == 15 ? "clrex" : Asm.join("clrex", Asm.imm(crm));
      case ISB -> crm == 15 ? "isb" : Asm.join("isb", Asm.imm(crm));
      case DSB -> crm == 0 ? "ssbb" : crm == 4 ? "pssbb" : Asm.join("dsb", OPTIONS[crm]);
      default -> Asm.join("dmb", OPTIONS[crm]);
    };
  }

  @Override
  public void lift(Insn i, Emitter e) {
    if (i.f("op2") == CLREX) {
      e.setStateRegister(GuestLayout.EXCLUSIVE_ADDRESS, e.ir.c(64, 0));
    }
  }
}
