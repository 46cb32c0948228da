package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FMOV between a general-purpose register and a SIMD&FP register, bits unchanged: Wd/Sn, Sd/Wn, Xd/Dn, Dd/Xn and
 * the upper half of Vd (Xd/Vn.D[1], Vd.D[1]/Xn).
 */
final class FloatMoveGeneral {
  private FloatMoveGeneral() {}

  static void FMOV_ws(Args.FpRR a, Emitter e) {
    toGeneral(a, e, false, false);
  }

  static void FMOV_sw(Args.FpRR a, Emitter e) {
    fromGeneral(a, e, false, false);
  }

  static void FMOV_xd(Args.FpRR a, Emitter e) {
    toGeneral(a, e, true, false);
  }

  static void FMOV_dx(Args.FpRR a, Emitter e) {
    fromGeneral(a, e, true, false);
  }

  static void FMOV_xu(Args.FpRR a, Emitter e) {
    toGeneral(a, e, true, true);
  }

  static void FMOV_ux(Args.FpRR a, Emitter e) {
    fromGeneral(a, e, true, true);
  }

  /** Rn (wide: 64 bits, else 32) to Vd, zeroing the rest of Vd; or (top) to Vd.D[1], keeping Vd.D[0]. */
  private static void fromGeneral(Args.FpRR a, Emitter e, boolean wide, boolean top) {
    IrBuilder ir = e.ir;
    LLVMValueRef value = e.reg(a.rn(), wide);
    if (top) {
      LLVMValueRef low = ir.zext(e.vreg(a.rd(), 8), 128);
      e.setVreg(a.rd(), ir.or(low, ir.shl(ir.zext(value, 128), ir.c(128, 64))));
    } else {
      e.setVreg(a.rd(), value);
    }
  }

  /** The low 32 or 64 bits of Vn, or (top) Vn.D[1], to Rd. */
  private static void toGeneral(Args.FpRR a, Emitter e, boolean wide, boolean top) {
    IrBuilder ir = e.ir;
    LLVMValueRef v = e.vreg(a.rn(), 16);
    e.setReg(a.rd(), ir.trunc(top ? ir.lshr(v, ir.c(128, 64)) : v, wide ? 64 : 32));
  }
}
