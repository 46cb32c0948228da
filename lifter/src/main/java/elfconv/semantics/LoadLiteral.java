package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** LDR (literal), LDRSW (literal), PRFM (literal): PC-relative loads. */
final class LoadLiteral implements Family {
  private static MemoryAccess access(Insn i) {
    if (i.f("V") == 1) {
      // S, D, Q: a load of 4 << opc bytes.
      return i.f("opc") == 3 ? null : MemoryAccess.of(i.f("opc") + 2, 1, 1);
    }
    return switch (i.f("opc")) {
      case 0 -> MemoryAccess.of(2, 1);
      case 1 -> MemoryAccess.of(3, 1);
      case 2 -> MemoryAccess.of(2, 2);
      default -> MemoryAccess.of(3, 2);
    };
  }

  @Override
  public String unallocated(Insn i) {
    return access(i) == null ? "SIMD&FP literal with opc=11" : null;
  }

  @Override
  public String disassemble(Insn i) {
    return Asm.join(access(i).mnemonic(""), access(i).register(i.f("rt")), Asm.target(i.sf("imm19") * 4));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    access(i).perform(e, e.ir.c(64, i.address() + i.sf("imm19") * 4), i.f("rt"));
  }
}
