package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register), with the MOV, MVN and TST aliases. */
final class LogicalShifted {
  private LogicalShifted() {}

  static void AND_r(Args.LogicalReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.and(e.reg(a.rn(), a.sf() == 1), operand(a, e)));
  }

  static void ORR_r(Args.LogicalReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.or(e.reg(a.rn(), a.sf() == 1), operand(a, e)));
  }

  static void EOR_r(Args.LogicalReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.xor(e.reg(a.rn(), a.sf() == 1), operand(a, e)));
  }

  static void ANDS_r(Args.LogicalReg a, Emitter e) {
    LLVMValueRef result = e.ir.and(e.reg(a.rn(), a.sf() == 1), operand(a, e));
    e.setLogicalFlags(result);
    e.setReg(a.rd(), result);
  }

  /** Rm shifted, inverted when N = 1. */
  private static LLVMValueRef operand(Args.LogicalReg a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef b = Alu.shift(ir, e.reg(a.rm(), a.sf() == 1), a.shift(), a.imm6());
    return a.n() == 1 ? ir.not(b) : b;
  }
}
