package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** AND, ORR, EOR, ANDS (immediate), with the MOV (bitmask) and TST aliases. */
final class LogicalImmediate implements Family {
  private static long imm(Insn i) {
    long[] masks = Alu.decodeBitMasks(i.f("N"), i.f("imms"), i.f("immr"), true, i.is64() ? 64 : 32);
    return masks == null ? 0 : masks[0];
  }

  @Override
  public String unallocated(Insn i) {
    if (!i.is64() && i.f("N") == 1) {
      return "N=1 in a 32-bit logical immediate";
    }
    return Alu.decodeBitMasks(i.f("N"), i.f("imms"), i.f("immr"), true, i.is64() ? 64 : 32) == null
        ? "reserved bitmask immediate" : null;
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int opc = i.f("opc");
    int rd = i.f("rd");
    int rn = i.f("rn");
    String imm = Asm.hex(imm(i));
    if (opc == 3 && rd == 31) {
      return Asm.join("tst", Asm.r(rn, x), imm);
    }
    if (opc == 1 && rn == 31 && !MoveWide.isMoveWideImmediate(imm(i), x)) {
      return Asm.join("mov", Asm.rsp(rd, x), "#" + (x ? imm(i) : (int) imm(i)));
    }
    String[] names = {"and", "orr", "eor", "ands"};
    return Asm.join(names[opc], opc == 3 ? Asm.r(rd, x) : Asm.rsp(rd, x), Asm.r(rn, x), imm);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    boolean x = i.is64();
    LLVMValueRef a = e.reg(i.f("rn"), x);
    LLVMValueRef b = e.ir.c(x ? 64 : 32, imm(i));
    LLVMValueRef result = switch (i.f("opc")) {
      case 0, 3 -> e.ir.and(a, b);
      case 1 -> e.ir.or(a, b);
      default -> e.ir.xor(a, b);
    };
    if (i.f("opc") == 3) {
      e.setLogicalFlags(result);
      e.setReg(i.f("rd"), result);
    } else {
      e.setRegOrSp(i.f("rd"), result);
    }
  }
}
