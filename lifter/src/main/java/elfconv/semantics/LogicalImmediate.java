package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.a64.Bitmasks;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** AND, ORR, EOR, ANDS (immediate), with the MOV (bitmask) and TST aliases. */
final class LogicalImmediate {
  private LogicalImmediate() {}

  static void AND_i(Args.LogicalImm a, Emitter e) {
    e.setRegOrSp(a.rd(), e.ir.and(e.reg(a.rn(), a.sf() == 1), imm(a, e)));
  }

  static void ORR_i(Args.LogicalImm a, Emitter e) {
    e.setRegOrSp(a.rd(), e.ir.or(e.reg(a.rn(), a.sf() == 1), imm(a, e)));
  }

  static void EOR_i(Args.LogicalImm a, Emitter e) {
    e.setRegOrSp(a.rd(), e.ir.xor(e.reg(a.rn(), a.sf() == 1), imm(a, e)));
  }

  static void ANDS_i(Args.LogicalImm a, Emitter e) {
    LLVMValueRef result = e.ir.and(e.reg(a.rn(), a.sf() == 1), imm(a, e));
    e.setLogicalFlags(result);
    e.setReg(a.rd(), result);
  }

  private static LLVMValueRef imm(Args.LogicalImm a, Emitter e) {
    int width = a.sf() == 1 ? 64 : 32;
    return e.ir.c(width, Bitmasks.decode(a.n(), a.imms(), a.immr(), true, width)[0]);
  }
}
