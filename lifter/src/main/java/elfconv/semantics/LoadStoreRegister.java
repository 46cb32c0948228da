package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** LDR, STR (register) of general-purpose and SIMD&FP registers: [Xn|SP, Wm|Xm{, extend/LSL #sz}]. */
final class LoadStoreRegister {
  private LoadStoreRegister() {}

  static void STR(Args.LdstReg a, Emitter e) {
    MemoryAccess.store(e, address(a, e), a.rt(), a.sz());
  }

  static void LDR(Args.LdstReg a, Emitter e) {
    MemoryAccess.load(e, address(a, e), a.rt(), a.sz(), a.sign(), a.ext());
  }

  static void STR_v(Args.LdstReg a, Emitter e) {
    MemoryAccess.storeVector(e, address(a, e), a.rt(), a.sz());
  }

  static void LDR_v(Args.LdstReg a, Emitter e) {
    MemoryAccess.loadVector(e, address(a, e), a.rt(), a.sz());
  }

  private static LLVMValueRef address(Args.LdstReg a, Emitter e) {
    LLVMValueRef index = Alu.extend(e.ir, e.reg(a.rm(), true), a.opt(), a.s() == 1 ? a.sz() : 0, 64);
    return e.ir.add(e.regOrSp(a.rn(), true), index);
  }
}
