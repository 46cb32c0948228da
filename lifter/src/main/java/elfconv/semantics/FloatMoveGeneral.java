package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FMOV between a general-purpose register and a SIMD&FP register, bits unchanged: Sd/Wn, Dd/Xn and the upper
 * half of Vd (Vd.D[1]/Xn), both ways. op = 1 moves from the general-purpose register.
 */
final class FloatMoveGeneral implements Family {
  private static boolean top(Insn i) {
    return i.pattern().name().equals("FMOV_GENERAL_TOP");
  }

  @Override
  public String unallocated(Insn i) {
    if (top(i)) {
      return null;
    }
    int type = i.f("type");
    return type == 0 && i.f("sf") == 0 || type == 1 && i.f("sf") == 1 ? null : "not a single or double FMOV of ARMv8.0";
  }

  @Override
  public String disassemble(Insn i) {
    boolean fromGeneral = i.f("op") == 1;
    String v = top(i) ? "v" + i.f(fromGeneral ? "rd" : "rn") + ".d[1]"
        : Asm.v(i.f(fromGeneral ? "rd" : "rn"), i.f("type") == 1 ? 8 : 4);
    boolean wide = top(i) || i.f("sf") == 1;
    String general = Asm.r(i.f(fromGeneral ? "rn" : "rd"), wide);
    return fromGeneral ? Asm.join("fmov", v, general) : Asm.join("fmov", general, v);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean wide = top(i) || i.f("sf") == 1;
    int bits = wide ? 64 : 32;
    if (i.f("op") == 1) {
      LLVMValueRef value = e.reg(i.f("rn"), wide);
      if (top(i)) {
        LLVMValueRef low = ir.zext(e.vreg(i.f("rd"), 8), 128);
        e.setVreg(i.f("rd"), ir.or(low, ir.shl(ir.zext(value, 128), ir.c(128, 64))));
      } else {
        e.setVreg(i.f("rd"), value);
      }
    } else {
      LLVMValueRef v = e.vreg(i.f("rn"), 16);
      e.setReg(i.f("rd"), ir.trunc(top(i) ? ir.lshr(v, ir.c(128, 64)) : v, bits));
    }
  }
}
