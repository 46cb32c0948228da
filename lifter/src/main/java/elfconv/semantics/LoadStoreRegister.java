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
    return (i.f("option") & 2) == 0 ? "option is not UXTW, LSL, SXTW or SXTX" : null;
  }

  @Override
  public String disassemble(Insn i) {
    MemoryAccess a = access(i);
    if (a.prefetch() && i.f("rt") >> 3 == 3) {
      // Prefetch type 11: a hint that does nothing here, which LLVM prints as ARMv9.4's range prefetch, its
      // operation made of option<2>, option<0>, S and Rt<2:0>.
      int option = i.f("option");
      int operation = (option >> 2 & 1) << 5 | (option & 1) << 4 | i.f("S") << 3 | (i.f("rt") & 7);
      String name = switch (operation) {
        case 0 -> "pldkeep";
        case 1 -> "pstkeep";
        case 4 -> "pldstrm";
        case 5 -> "pststrm";
        default -> Asm.imm(operation);
      };
      return Asm.join("rprfm", name, Asm.r(i.f("rm"), true), "[" + Asm.rsp(i.f("rn"), true) + "]");
    }
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
