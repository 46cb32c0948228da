package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (immediate), with the MOV (to/from SP), CMP and CMN aliases. */
final class AddSubImmediate implements Family {
  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    boolean sub = i.f("op") == 1;
    boolean s = i.f("S") == 1;
    int rd = i.f("rd");
    int rn = i.f("rn");
    String imm = Asm.imm(i.f("imm12")) + (i.f("sh") == 1 ? ", lsl #12" : "");
    if (!sub && !s && i.f("imm12") == 0 && i.f("sh") == 0 && (rd == 31 || rn == 31)) {
      return Asm.join("mov", Asm.rsp(rd, x), Asm.rsp(rn, x));
    }
    if (s && rd == 31) {
      return Asm.join(sub ? "cmp" : "cmn", Asm.rsp(rn, x), imm);
    }
    String name = (sub ? "sub" : "add") + (s ? "s" : "");
    return Asm.join(name, s ? Asm.r(rd, x) : Asm.rsp(rd, x), Asm.rsp(rn, x), imm);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    boolean s = i.f("S") == 1;
    LLVMValueRef a = e.regOrSp(i.f("rn"), x);
    long imm = (long) i.f("imm12") << (12 * i.f("sh"));
    LLVMValueRef result = Alu.addOrSubtract(e, a, e.ir.c(x ? 64 : 32, imm), i.f("op") == 1, s);
    if (s) {
      e.setReg(i.f("rd"), result);
    } else {
      e.setRegOrSp(i.f("rd"), result);
    }
  }
}
