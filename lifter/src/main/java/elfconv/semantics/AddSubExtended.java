package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADD, ADDS, SUB, SUBS (extended register), with the CMP and CMN aliases. */
final class AddSubExtended implements Family {
  @Override
  public String unallocated(Insn i) {
    if (i.f("opt") != 0) {
      return "opt != 00";
    }
    return i.f("imm3") > 4 ? "shift amount > 4" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    boolean sub = i.f("op") == 1;
    boolean s = i.f("S") == 1;
    int option = i.f("option");
    int rd = i.f("rd");
    int rn = i.f("rn");
    String rm = Asm.r(i.f("rm"), x && (option & 3) == 3);
    boolean spForm = rn == 31 || (!s && rd == 31);
    String ext;
    if (spForm && option == (x ? 3 : 2)) {
      ext = i.f("imm3") == 0 ? "" : ", lsl " + Asm.imm(i.f("imm3"));
    } else {
      ext = ", " + Asm.extend(option) + (i.f("imm3") == 0 ? "" : " " + Asm.imm(i.f("imm3")));
    }
    if (s && rd == 31) {
      return Asm.join(sub ? "cmp" : "cmn", Asm.rsp(rn, x), rm + ext);
    }
    return Asm.join((sub ? "sub" : "add") + (s ? "s" : ""), s ? Asm.r(rd, x) : Asm.rsp(rd, x), Asm.rsp(rn, x),
        rm + ext);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    int width = x ? 64 : 32;
    LLVMValueRef b = Alu.extend(e.ir, e.reg(i.f("rm"), true), i.f("option"), i.f("imm3"), width);
    boolean s = i.f("S") == 1;
    LLVMValueRef result = Alu.addOrSubtract(e, e.regOrSp(i.f("rn"), x), b, i.f("op") == 1, s);
    if (s) {
      e.setReg(i.f("rd"), result);
    } else {
      e.setRegOrSp(i.f("rd"), result);
    }
  }
}
