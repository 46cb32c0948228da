package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** UDIV, SDIV, LSLV, LSRV, ASRV, RORV (printed as LSL, LSR, ASR, ROR). */
final class DataProcessing2 implements Family {
  @Override
  public String unallocated(Insn i) {
    int op = i.f("opcode");
    return i.f("S") == 0 && (op == 2 || op == 3 || (op >= 8 && op <= 11)) ? null : "unallocated opcode";
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    String[] names = {"", "", "udiv", "sdiv", "", "", "", "", "lsl", "lsr", "asr", "ror"};
    return Asm.join(names[i.f("opcode")], Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), Asm.r(i.f("rm"), x));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef a = e.reg(i.f("rn"), x);
    LLVMValueRef b = e.reg(i.f("rm"), x);
    LLVMValueRef zero = ir.c(a, 0);
    int op = i.f("opcode");
    LLVMValueRef result;
    if (op == 2 || op == 3) {
      // A64 division never traps: x/0 is 0 and INT_MIN/-1 is INT_MIN. LLVM's division must not see either case.
      LLVMValueRef byZero = ir.eq(b, zero);
      LLVMValueRef byMinusOne = ir.eq(b, ir.c(b, -1));
      LLVMValueRef safe = ir.select(op == 3 ? ir.or(byZero, byMinusOne) : byZero, ir.c(b, 1), b);
      LLVMValueRef quotient = op == 2 ? ir.udiv(a, safe) : ir.sdiv(a, safe);
      if (op == 3) {
        quotient = ir.select(byMinusOne, ir.neg(a), quotient);
      }
      result = ir.select(byZero, zero, quotient);
    } else {
      LLVMValueRef amount = ir.and(b, ir.c(b, x ? 63 : 31));
      result = switch (op) {
        case 8 -> ir.shl(a, amount);
        case 9 -> ir.lshr(a, amount);
        case 10 -> ir.ashr(a, amount);
        default -> ir.intrinsic("llvm.fshr", a, a, amount);
      };
    }
    e.setReg(i.f("rd"), result);
  }
}
