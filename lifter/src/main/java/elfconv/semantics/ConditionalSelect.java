package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** CSEL, CSINC, CSINV, CSNEG, with the CSET, CSETM, CINC, CINV and CNEG aliases. */
final class ConditionalSelect implements Family {
  @Override
  public String unallocated(Insn i) {
    return i.f("S") == 1 || i.f("op2") >= 2 ? "S=1 or op2>=2" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int kind = i.f("op") << 1 | i.f("op2");
    int cond = i.f("cond");
    int rn = i.f("rn");
    int rm = i.f("rm");
    String rd = Asm.r(i.f("rd"), x);
    if (kind != 0 && rn == rm && cond < 14) {
      String inverted = Asm.cond(cond ^ 1);
      if (rn == 31 && kind != 3) {
        return Asm.join(kind == 1 ? "cset" : "csetm", rd, inverted);
      }
      if (rn != 31 || kind == 3) {
        return Asm.join(kind == 1 ? "cinc" : kind == 2 ? "cinv" : "cneg", rd, Asm.r(rn, x), inverted);
      }
    }
    String[] names = {"csel", "csinc", "csinv", "csneg"};
    return Asm.join(names[kind], rd, Asm.r(rn, x), Asm.r(rm, x), Asm.cond(cond));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef b = e.reg(i.f("rm"), x);
    if (i.f("op") == 1) {
      b = ir.not(b);
    }
    if (i.f("op2") == 1) {
      b = ir.add(b, ir.c(b, 1));
    }
    e.setReg(i.f("rd"), ir.select(e.condition(i.f("cond")), e.reg(i.f("rn"), x), b));
  }
}
