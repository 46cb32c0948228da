package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/** MOVN, MOVZ, MOVK, with the MOV (wide immediate) aliases. */
final class MoveWide implements Family {
  @Override
  public String unallocated(Insn i) {
    if (i.f("opc") == 1) {
      return "opc=01";
    }
    return !i.is64() && i.f("hw") >= 2 ? "hw>=2 in a 32-bit move" : null;
  }

  /** True when MOVZ or MOVN can make the value, so LLVM prints MOV for those rather than for ORR. */
  static boolean isMoveWideImmediate(long value, boolean is64) {
    long v = is64 ? value : value & 0xffffffffL;
    long inverted = is64 ? ~value : ~value & 0xffffffffL;
    int halves = is64 ? 4 : 2;
    for (int hw = 0; hw < halves; hw++) {
      long mask = ~(0xffffL << (16 * hw));
      if ((v & mask) == 0 || (inverted & mask) == 0) {
        return true;
      }
    }
    return false;
  }

  private static long shifted(Insn i) {
    return (long) i.f("imm16") << (16 * i.f("hw"));
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    String rd = Asm.r(i.f("rd"), x);
    int opc = i.f("opc");
    boolean plain = i.f("imm16") != 0 || i.f("hw") == 0;
    if (opc == 2 && plain) {
      return Asm.join("mov", rd, "#" + (x ? shifted(i) : (int) shifted(i)));
    }
    if (opc == 0 && plain && (x || i.f("imm16") != 0xffff)) {
      long v = x ? ~shifted(i) : ~shifted(i) & 0xffffffffL;
      return Asm.join("mov", rd, "#" + (x ? v : (int) v));
    }
    String shift = i.f("hw") == 0 ? "" : ", lsl #" + 16 * i.f("hw");
    return Asm.join(opc == 0 ? "movn" : opc == 2 ? "movz" : "movk", rd, Asm.imm(i.f("imm16")) + shift);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    int width = i.is64() ? 64 : 32;
    long imm = shifted(i);
    switch (i.f("opc")) {
      case 0 -> e.setReg(i.f("rd"), e.ir.c(width, ~imm));
      case 2 -> e.setReg(i.f("rd"), e.ir.c(width, imm));
      default -> {
        long keep = ~(0xffffL << (16 * i.f("hw")));
        e.setReg(i.f("rd"), e.ir.or(e.ir.and(e.reg(i.f("rd"), i.is64()), e.ir.c(width, keep)), e.ir.c(width, imm)));
      }
    }
  }
}
