package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADC, ADCS, SBC, SBCS, with the NGC and NGCS aliases. */
final class AddSubCarry {
  private AddSubCarry() {}

  static void ADC(Args.ThreeReg a, Emitter e) {
    withCarry(a, e, false, false);
  }

  static void ADCS(Args.ThreeReg a, Emitter e) {
    withCarry(a, e, false, true);
  }

  static void SBC(Args.ThreeReg a, Emitter e) {
    withCarry(a, e, true, false);
  }

  static void SBCS(Args.ThreeReg a, Emitter e) {
    withCarry(a, e, true, true);
  }

  private static void withCarry(Args.ThreeReg a, Emitter e, boolean subtract, boolean setFlags) {
    boolean x = a.sf() == 1;
    LLVMValueRef b = e.reg(a.rm(), x);
    LLVMValueRef result = Alu.addWithCarry(e, e.reg(a.rn(), x), subtract ? e.ir.not(b) : b, e.carry(), setFlags);
    e.setReg(a.rd(), result);
  }
}
