package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH, with the MUL, MNEG, SMULL... aliases. */
final class Multiply implements Family {
  @Override
  public String unallocated(Insn i) {
    int op31 = i.f("op31");
    if (i.f("op54") != 0) {
      return "op54 != 00";
    }
    if (op31 == 0) {
      return null;
    }
    if (!i.is64()) {
      return "long multiply with sf=0";
    }
    boolean high = op31 == 2 || op31 == 6;    if (high) {
      return i.f("o0") == 0 && i.f("ra") == 31 ? null : "SMULH/UMULH need o0=0 and Ra=11111";
    }
    return op31 == 1 || op31 == 5 ? null : "unallocated op31";
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int op31 = i.f("op31");
    boolean sub = i.f("o0") == 1;
    String rd = Asm.r(i.f("rd"), x);
    boolean noAccumulate = i.f("ra") == 31;
    if (op31 == 2 || op31 == 6) {
      return Asm.join(op31 == 2 ? "smulh" : "umulh", rd, Asm.r(i.f("rn"), true), Asm.r(i.f("rm"), true));
    }
    if (op31 == 0) {
      String rn = Asm.r(i.f("rn"), x);
      String rm = Asm.r(i.f("rm"), x);
      return noAccumulate ? Asm.join(sub ? "mneg" : "mul", rd, rn, rm)
          : Asm.join(sub ? "msub" : "madd", rd, rn, rm, Asm.r(i.f("ra"), x));
    }
    String sign = op31 == 1 ? "s" : "u";
    String rn = Asm.r(i.f("rn"), false);
    String rm = Asm.r(i.f("rm"), false);
    return noAccumulate ? Asm.join(sign + (sub ? "mnegl" : "mull"), rd, rn, rm)
        : Asm.join(sign + (sub ? "msubl" : "maddl"), rd, rn, rm, Asm.r(i.f("ra"), true));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    int op31 = i.f("op31");
    LLVMValueRef result;
    if (op31 == 2 || op31 == 6) {
      boolean signed = op31 == 2;
      LLVMValueRef a = e.reg(i.f("rn"), true);
      LLVMValueRef b = e.reg(i.f("rm"), true);
      LLVMValueRef product = ir.mul(signed ? ir.sext(a, 128) : ir.zext(a, 128), signed ? ir.sext(b, 128) : ir.zext(b, 128));
      result = ir.trunc(ir.lshr(product, ir.c(128, 64)), 64);
    } else {
      LLVMValueRef a;
      LLVMValueRef b;
      if (op31 == 0 && i.f("o0") == 1) {
        var remainder = e.remainder(i.f("rn"), i.f("rm"), i.f("ra"), x);
        if (remainder.isPresent()) {
          e.setReg(i.f("rd"), remainder.get());
          return;
        }
      }
      if (op31 == 0) {
        a = e.reg(i.f("rn"), x);
        b = e.reg(i.f("rm"), x);
      } else {
        boolean signed = op31 == 1;
        a = signed ? ir.sext(e.reg(i.f("rn"), false), 64) : ir.zext(e.reg(i.f("rn"), false), 64);
        b = signed ? ir.sext(e.reg(i.f("rm"), false), 64) : ir.zext(e.reg(i.f("rm"), false), 64);
      }
      LLVMValueRef product = ir.mul(a, b);
      LLVMValueRef accumulator = e.reg(i.f("ra"), x || op31 != 0);
      result = i.f("o0") == 1 ? ir.sub(accumulator, product) : ir.add(accumulator, product);
    }
    e.setReg(i.f("rd"), result);
  }
}
