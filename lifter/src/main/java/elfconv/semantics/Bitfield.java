package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.a64.Bitmasks;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** SBFM, BFM, UBFM and their aliases (ASR, LSL, LSR, SXTB..., UXTB..., SBFX, UBFX, SBFIZ, UBFIZ, BFI, BFXIL). */
final class Bitfield {
  private Bitfield() {}

  private enum Kind { SIGNED, INSERT, UNSIGNED }

  static void SBFM(Args.Bitfield a, Emitter e) {
    bitfield(a, e, Kind.SIGNED);
  }

  static void BFM(Args.Bitfield a, Emitter e) {
    bitfield(a, e, Kind.INSERT);
  }

  static void UBFM(Args.Bitfield a, Emitter e) {
    bitfield(a, e, Kind.UNSIGNED);
  }

  private static void bitfield(Args.Bitfield a, Emitter e, Kind kind) {
    IrBuilder ir = e.ir;
    boolean x = a.sf() == 1;
    int w = x ? 64 : 32;
    int r = a.immr();
    int s = a.imms();
    LLVMValueRef src = e.reg(a.rn(), x);
    LLVMValueRef result;
    if (s >= r) {
      // The field src<s:r> moves down to bit 0.
      int len = s - r + 1;
      LLVMValueRef field = kind == Kind.SIGNED
          ? ir.ashr(ir.shl(src, ir.c(w, w - 1 - s)), ir.c(w, w - len))
          : ir.and(ir.lshr(src, ir.c(w, r)), ir.c(w, Bitmasks.ones(len)));
      result = kind == Kind.INSERT ? insert(a, e, field, Bitmasks.ones(len)) : field;
    } else {
      // The field src<s:0> moves up to bit w-r.
      int len = s + 1;
      int pos = w - r;
      LLVMValueRef field = kind == Kind.SIGNED
          ? ir.shl(ir.ashr(ir.shl(src, ir.c(w, w - len)), ir.c(w, w - len)), ir.c(w, pos))
          : ir.shl(ir.and(src, ir.c(w, Bitmasks.ones(len))), ir.c(w, pos));
      result = kind == Kind.INSERT ? insert(a, e, field, Bitmasks.ones(len) << pos) : field;
    }
    e.setReg(a.rd(), result);
  }

  /** BFM keeps the destination's bits outside the field. */
  private static LLVMValueRef insert(Args.Bitfield a, Emitter e, LLVMValueRef field, long mask) {
    IrBuilder ir = e.ir;
    LLVMValueRef dst = e.reg(a.rd(), a.sf() == 1);
    return ir.or(ir.and(dst, ir.c(dst, ~mask)), field);
  }
}
