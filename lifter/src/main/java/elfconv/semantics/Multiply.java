package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH, with the MUL, MNEG, SMULL... aliases. */
final class Multiply {
  private Multiply() {}

  /** How the factors widen: not at all (MADD, MSUB), or from 32 to 64 bits, signed or unsigned. */
  private enum Factors { SAME, SIGNED, UNSIGNED }

  static void MADD_w(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SAME, false);
  }

  static void MSUB_w(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SAME, true);
  }

  static void MADD_x(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SAME, false);
  }

  static void MSUB_x(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SAME, true);
  }

  static void SMADDL(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SIGNED, false);
  }

  static void SMSUBL(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.SIGNED, true);
  }

  static void UMADDL(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.UNSIGNED, false);
  }

  static void UMSUBL(Args.MulAdd a, Emitter e) {
    multiplyAdd(a, e, Factors.UNSIGNED, true);
  }

  static void SMULH(Args.MulHigh a, Emitter e) {
    multiplyHigh(a, e, true);
  }

  static void UMULH(Args.MulHigh a, Emitter e) {
    multiplyHigh(a, e, false);
  }

  /** The high 64 bits of the 128-bit product. */
  private static void multiplyHigh(Args.MulHigh a, Emitter e, boolean signed) {
    IrBuilder ir = e.ir;
    LLVMValueRef n = e.reg(a.rn(), true);
    LLVMValueRef m = e.reg(a.rm(), true);
    LLVMValueRef product = ir.mul(signed ? ir.sext(n, 128) : ir.zext(n, 128), signed ? ir.sext(m, 128) : ir.zext(m, 128));
    e.setReg(a.rd(), ir.trunc(ir.lshr(product, ir.c(128, 64)), 64));
  }

  /** Ra + or - Rn * Rm; an MSUB that takes the remainder of the division before it reuses that remainder. */
  private static void multiplyAdd(Args.MulAdd a, Emitter e, Factors factors, boolean subtract) {
    IrBuilder ir = e.ir;
    boolean x = a.sf() == 1;
    if (factors == Factors.SAME && subtract) {
      var remainder = e.remainder(a.rn(), a.rm(), a.ra(), x);
      if (remainder.isPresent()) {
        e.setReg(a.rd(), remainder.get());
        return;
      }
    }
    LLVMValueRef n;
    LLVMValueRef m;
    if (factors == Factors.SAME) {
      n = e.reg(a.rn(), x);
      m = e.reg(a.rm(), x);
    } else {
      boolean signed = factors == Factors.SIGNED;
      n = signed ? ir.sext(e.reg(a.rn(), false), 64) : ir.zext(e.reg(a.rn(), false), 64);
      m = signed ? ir.sext(e.reg(a.rm(), false), 64) : ir.zext(e.reg(a.rm(), false), 64);
    }
    LLVMValueRef product = ir.mul(n, m);
    LLVMValueRef accumulator = e.reg(a.ra(), x);
    e.setReg(a.rd(), subtract ? ir.sub(accumulator, product) : ir.add(accumulator, product));
  }
}
