package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADC, ADCS, SBC, SBCS, with the NGC and NGCS aliases. */
final class AddSubCarry implements Family {
  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    boolean sub = i.f("op") == 1;
    String suffix = i.f("S") == 1 ? "s" : "";
    if (sub && i.f("rn") == 31) {
      return Asm.join("ngc" + suffix, Asm.r(i.f("rd"), x), Asm.r(i.f("rm"), x));
    }
    return Asm.join((sub ? "sbc" : "adc") + suffix, Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), Asm.r(i.f("rm"), x));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    LLVMValueRef b = e.reg(i.f("rm"), x);
    LLVMValueRef result = Alu.addWithCarry(e, e.reg(i.f("rn"), x), i.f("op") == 1 ? e.ir.not(b) : b, e.carry(),
        i.f("S") == 1);
    e.setReg(i.f("rd"), result);
  }
}
