package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** LDR, STR (general-purpose and SIMD&FP), their byte, half-word and sign-extending forms, PRFM: [Xn|SP, #imm]. */
final class LoadStoreUnsignedOffset implements Family {
  private static MemoryAccess access(Insn i) {
    return MemoryAccess.of(i.f("size"), i.f("opc"), i.f("V"));
  }

  private static long offset(Insn i) {
    return (long) i.f("imm12") << access(i).scale();
  }

  @Override
  public String unallocated(Insn i) {
    return access(i) == null ? "unallocated size/opc" : null;
  }

  @Override
  public String disassemble(Insn i) {
    MemoryAccess a = access(i);
    String base = Asm.rsp(i.f("rn"), true);
    String address = offset(i) == 0 ? "[" + base + "]" : "[" + base + ", " + Asm.imm(offset(i)) + "]";
    return Asm.join(a.mnemonic(""), a.register(i.f("rt")), address);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    access(i).perform(e, e.ir.add(e.regOrSp(i.f("rn"), true), e.ir.c(64, offset(i))), i.f("rt"));
  }
}
