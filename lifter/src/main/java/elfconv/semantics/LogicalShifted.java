package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register), with the MOV, MVN and TST aliases. */
final class LogicalShifted implements Family {
  private static final String[] NAMES = {"and", "bic", "orr", "orn", "eor", "eon", "ands", "bics"};

  @Override
  public String unallocated(Insn i) {
    return !i.is64() && i.f("imm6") >= 32 ? "shift amount >= 32 in a 32-bit operation" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int op = i.f("opc") << 1 | i.f("N");
    String rm = Asm.r(i.f("rm"), x) + (i.f("imm6") == 0 && i.f("shift") == 0 ? ""
        : ", " + Asm.shift(i.f("shift")) + " " + Asm.imm(i.f("imm6")));
    boolean plainRm = i.f("imm6") == 0 && i.f("shift") == 0;
    if (op == 2 && i.f("rn") == 31 && plainRm) {
      return Asm.join("mov", Asm.r(i.f("rd"), x), rm);
    }
    if (op == 3 && i.f("rn") == 31) {
      return Asm.join("mvn", Asm.r(i.f("rd"), x), rm);
    }
    if (op == 6 && i.f("rd") == 31) {
      return Asm.join("tst", Asm.r(i.f("rn"), x), rm);
    }
    return Asm.join(NAMES[op], Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), rm);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef a = e.reg(i.f("rn"), x);
    LLVMValueRef b = Alu.shift(ir, e.reg(i.f("rm"), x), i.f("shift"), i.f("imm6"));
    if (i.f("N") == 1) {
      b = ir.not(b);
    }
    LLVMValueRef result = switch (i.f("opc")) {
      case 0, 3 -> ir.and(a, b);
      case 1 -> ir.or(a, b);
      default -> ir.xor(a, b);
    };
    if (i.f("opc") == 3) {
      e.setLogicalFlags(result);
    }
    e.setReg(i.f("rd"), result);
  }
}
