package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (shifted register), with the CMP, CMN, NEG and NEGS aliases. */
final class AddSubShifted implements Family {
  @Override
  public String unallocated(Insn i) {
    if (i.f("shift") == 3) {
      return "ROR shift";
    }
    return !i.is64() && i.f("imm6") >= 32 ? "shift amount >= 32 in a 32-bit operation" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    boolean sub = i.f("op") == 1;
    boolean s = i.f("S") == 1;
    String rm = Asm.r(i.f("rm"), x) + (i.f("imm6") == 0 && i.f("shift") == 0 ? ""
        : ", " + Asm.shift(i.f("shift")) + " " + Asm.imm(i.f("imm6")));
    if (s && i.f("rd") == 31) {
      return Asm.join(sub ? "cmp" : "cmn", Asm.r(i.f("rn"), x), rm);
    }
    if (sub && i.f("rn") == 31) {
      return Asm.join(s ? "negs" : "neg", Asm.r(i.f("rd"), x), rm);
    }
    return Asm.join((sub ? "sub" : "add") + (s ? "s" : ""), Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), rm);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    LLVMValueRef b = Alu.shift(e.ir, e.reg(i.f("rm"), x), i.f("shift"), i.f("imm6"));
    LLVMValueRef result = Alu.addOrSubtract(e, e.reg(i.f("rn"), x), b, i.f("op") == 1, i.f("S") == 1);
    e.setReg(i.f("rd"), result);
  }
}
