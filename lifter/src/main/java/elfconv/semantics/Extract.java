package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** EXTR, with the ROR (immediate) alias. */
final class Extract implements Family {
  @Override
  public String unallocated(Insn i) {
    if (i.f("N") != i.f("sf")) {
      return "N differs from sf";
    }
    return !i.is64() && i.f("imms") >= 32 ? "imms >= 32 in a 32-bit EXTR" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    if (i.f("rn") == i.f("rm")) {
      return Asm.join("ror", Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), Asm.imm(i.f("imms")));
    }
    return Asm.join("extr", Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), Asm.r(i.f("rm"), x), Asm.imm(i.f("imms")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    e.setReg(i.f("rd"), e.ir.intrinsic("llvm.fshr", e.reg(i.f("rn"), x), e.reg(i.f("rm"), x),
        e.ir.c(x ? 64 : 32, i.f("imms"))));
  }
}
