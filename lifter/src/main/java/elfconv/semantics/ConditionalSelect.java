package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CSEL, CSINC, CSINV, CSNEG, with the CSET, CSETM, CINC, CINV and CNEG aliases. */
final class ConditionalSelect {
  private ConditionalSelect() {}

  static void CSEL(Args.CondSelect a, Emitter e) {
    select(a, e, false, false);
  }

  static void CSINC(Args.CondSelect a, Emitter e) {
    select(a, e, false, true);
  }

  static void CSINV(Args.CondSelect a, Emitter e) {
    select(a, e, true, false);
  }

  static void CSNEG(Args.CondSelect a, Emitter e) {
    select(a, e, true, true);
  }

  /** Rn if the condition holds, else Rm inverted and/or incremented. */
  private static void select(Args.CondSelect a, Emitter e, boolean invert, boolean increment) {
    IrBuilder ir = e.ir;
    boolean x = a.sf() == 1;
    LLVMValueRef b = e.reg(a.rm(), x);
    if (invert) {
      b = ir.not(b);
    }
    if (increment) {
      b = ir.add(b, ir.c(b, 1));
    }
    e.setReg(a.rd(), ir.select(e.condition(a.cond()), e.reg(a.rn(), x), b));
  }
}
