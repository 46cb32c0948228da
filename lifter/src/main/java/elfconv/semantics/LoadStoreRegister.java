package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** Loads and stores at [Xn|SP, Rm{, extend/shift}]. */
final class LoadStoreRegister implements Family {
  private static MemoryAccess access(Insn i) {
    return MemoryAccess.of(i.f("size"), i.f("opc"), i.f("V"));
  }

  @Override
  public String unallocated(Insn i) {
    if (access(i) == null) {
      return "unallocated size/opc";
    }
    if ((i.f("option") & 2) == 0) {
      return "option is not UXTW, LSL, SXTW or SXTX";
    }
    return access(i).prefetch() && i.f("rt") >> 3 == 3 ? "prefetch type 11 (RPRFM space)" : null;
  }

  @Override
  public String disassemble(Insn i) {
    MemoryAccess a = access(i);
    int option = i.f("option");
    boolean xIndex = (option & 1) == 1;
    String amount = i.f("S") == 1 ? " " + Asm.imm(a.scale()) : "";
    String extend = option == 3 ? (i.f("S") == 1 ? ", lsl" + amount : "") : ", " + Asm.extend(option) + amount;
    return Asm.join(a.mnemonic(""), a.register(i.f("rt")),
        "[" + Asm.rsp(i.f("rn"), true) + ", " + Asm.r(i.f("rm"), xIndex) + extend + "]");
  }

  @Override
  public void lift(Insn i, Emitter e) {
    var index = Alu.extend(e.ir, e.reg(i.f("rm"), true), i.f("option"), i.f("S") == 1 ? access(i).scale() : 0, 64);
    access(i).perform(e, e.ir.add(e.regOrSp(i.f("rn"), true), index), i.f("rt"));
  }
}
