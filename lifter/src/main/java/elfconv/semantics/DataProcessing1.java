package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** RBIT, REV16, REV32 (REV of a W register), REV64 (REV of an X register), CLZ, CLS. */
final class DataProcessing1 {
  private DataProcessing1() {}

  static void RBIT(Args.TwoReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.intrinsic("llvm.bitreverse", e.reg(a.rn(), a.sf() == 1)));
  }

  static void REV16(Args.TwoReg a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef n = e.reg(a.rn(), a.sf() == 1);
    long lowBytes = a.sf() == 1 ? 0x00ff00ff00ff00ffL : 0x00ff00ffL;
    e.setReg(a.rd(), ir.or(ir.and(ir.lshr(n, ir.c(n, 8)), ir.c(n, lowBytes)),
        ir.shl(ir.and(n, ir.c(n, lowBytes)), ir.c(n, 8))));
  }

  /** The bytes of each word reversed: of a W register, all its bytes. */
  static void REV32(Args.TwoReg a, Emitter e) {
    LLVMValueRef n = e.reg(a.rn(), a.sf() == 1);
    LLVMValueRef swapped = e.ir.intrinsic("llvm.bswap", n);
    e.setReg(a.rd(), a.sf() == 1 ? e.ir.intrinsic("llvm.fshr", swapped, swapped, e.ir.c(n, 32)) : swapped);
  }

  static void REV64(Args.TwoReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.intrinsic("llvm.bswap", e.reg(a.rn(), true)));
  }

  static void CLZ(Args.TwoReg a, Emitter e) {
    e.setReg(a.rd(), leadingZeros(e, e.reg(a.rn(), a.sf() == 1), a.sf() == 1));
  }

  /** CLS = leading zeros of (x<w-1:1> XOR x<w-2:0>); the OR keeps the count below w. */
  static void CLS(Args.TwoReg a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef n = e.reg(a.rn(), a.sf() == 1);
    LLVMValueRef differing = ir.or(ir.xor(n, ir.shl(n, ir.c(n, 1))), ir.c(n, 1));
    e.setReg(a.rd(), leadingZeros(e, differing, a.sf() == 1));
  }

  private static LLVMValueRef leadingZeros(Emitter e, LLVMValueRef value, boolean x) {
    IrBuilder ir = e.ir;
    return ir.call(ir.m.intrinsicType("llvm.ctlz", ir.m.intType(x ? 64 : 32)),
        ir.m.intrinsic("llvm.ctlz", ir.m.intType(x ? 64 : 32)), value, ir.c(1, 0));
  }
}
