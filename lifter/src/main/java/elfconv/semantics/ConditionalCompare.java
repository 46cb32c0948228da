package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CCMN, CCMP (register and immediate). */
final class ConditionalCompare implements Family {
  @Override
  public String unallocated(Insn i) {
    return i.f("o2") != 0 || i.f("o3") != 0 ? "o2/o3 set" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    String operand = i.f("imm") == 1 ? Asm.imm(i.f("rm")) : Asm.r(i.f("rm"), x);
    return Asm.join(i.f("op") == 1 ? "ccmp" : "ccmn", Asm.r(i.f("rn"), x), operand, Asm.imm(i.f("nzcv")),
        Asm.cond(i.f("cond")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef holds = e.condition(i.f("cond"));
    LLVMValueRef b = i.f("imm") == 1 ? ir.c(x ? 64 : 32, i.f("rm")) : e.reg(i.f("rm"), x);
    Alu.addOrSubtract(e, e.reg(i.f("rn"), x), b, i.f("op") == 1, true);
    LLVMValueRef[] compared = {e.n(), e.z(), e.carry(), e.v()};
    int nzcv = i.f("nzcv");
    LLVMValueRef[] chosen = new LLVMValueRef[4];
    for (int k = 0; k < 4; k++) {
      chosen[k] = ir.select(holds, compared[k], ir.c(1, (nzcv >> (3 - k)) & 1));
    }
    e.setFlags(chosen[0], chosen[1], chosen[2], chosen[3]);
  }
}
