package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** SBFM, BFM, UBFM and their aliases (ASR, LSL, LSR, SXTB..., UXTB..., SBFX, UBFX, SBFIZ, UBFIZ, BFI, BFXIL). */
final class Bitfield implements Family {
  @Override
  public String unallocated(Insn i) {
    if (i.f("opc") == 3) {
      return "opc=11";
    }
    if (i.f("N") != i.f("sf")) {
      return "N differs from sf";
    }
    return !i.is64() && (i.f("immr") >= 32 || i.f("imms") >= 32) ? "immr/imms >= 32 in a 32-bit bitfield" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int w = x ? 64 : 32;
    int r = i.f("immr");
    int s = i.f("imms");
    String rd = Asm.r(i.f("rd"), x);
    String rn = Asm.r(i.f("rn"), x);
    switch (i.f("opc")) {
      case 0 -> {
        if (s == w - 1) {
          return Asm.join("asr", rd, rn, Asm.imm(r));
        }
        if (r == 0 && (s == 7 || s == 15 || s == 31)) {
          return Asm.join(s == 7 ? "sxtb" : s == 15 ? "sxth" : "sxtw", rd, Asm.r(i.f("rn"), false));
        }
        return s < r ? Asm.join("sbfiz", rd, rn, Asm.imm(w - r), Asm.imm(s + 1))
            : Asm.join("sbfx", rd, rn, Asm.imm(r), Asm.imm(s - r + 1));
      }
      case 1 -> {
        return s < r ? Asm.join("bfi", rd, rn, Asm.imm(w - r), Asm.imm(s + 1))
            : Asm.join("bfxil", rd, rn, Asm.imm(r), Asm.imm(s - r + 1));
      }
      default -> {
        if (s == w - 1) {
          return Asm.join("lsr", rd, rn, Asm.imm(r));
        }
        if (s + 1 == r) {
          return Asm.join("lsl", rd, rn, Asm.imm(w - r));
        }
        if (!x && r == 0 && (s == 7 || s == 15)) {
          return Asm.join(s == 7 ? "uxtb" : "uxth", rd, rn);
        }
        return s < r ? Asm.join("ubfiz", rd, rn, Asm.imm(w - r), Asm.imm(s + 1))
            : Asm.join("ubfx", rd, rn, Asm.imm(r), Asm.imm(s - r + 1));
      }
    }
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    int w = x ? 64 : 32;
    int r = i.f("immr");
    int s = i.f("imms");
    LLVMValueRef src = e.reg(i.f("rn"), x);
    LLVMValueRef result;
    if (s >= r) {
      // The field src<s:r> moves down to bit 0.
      int len = s - r + 1;
      LLVMValueRef field = i.f("opc") == 0
          ? ir.ashr(ir.shl(src, ir.c(w, w - 1 - s)), ir.c(w, w - len))
          : ir.and(ir.lshr(src, ir.c(w, r)), ir.c(w, Alu.ones(len)));
      result = i.f("opc") == 1 ? insert(e, field, Alu.ones(len)) : field;
    } else {
      // The field src<s:0> moves up to bit w-r.
      int len = s + 1;
      int pos = w - r;
      LLVMValueRef field = i.f("opc") == 0
          ? ir.shl(ir.ashr(ir.shl(src, ir.c(w, w - len)), ir.c(w, w - len)), ir.c(w, pos))
          : ir.shl(ir.and(src, ir.c(w, Alu.ones(len))), ir.c(w, pos));
      result = i.f("opc") == 1 ? insert(e, field, Alu.ones(len) << pos) : field;
    }
    e.setReg(i.f("rd"), result);
  }

  /** BFM keeps the destination's bits outside the field. */
  private static LLVMValueRef insert(Emitter e, LLVMValueRef field, long mask) {
    IrBuilder ir = e.ir;
    LLVMValueRef dst = e.reg(e.insn().f("rd"), e.insn().is64());
    return ir.or(ir.and(dst, ir.c(dst, ~mask)), field);
  }
}
