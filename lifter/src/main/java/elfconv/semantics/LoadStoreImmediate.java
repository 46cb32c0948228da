package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import java.util.function.Consumer;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * LDR, STR (immediate) of general-purpose and SIMD&FP registers, with their byte, half-word and sign-extending forms:
 * [Xn|SP, #imm] (the unsigned offset scaled by the access size; LDUR; LDTR, a plain access at EL0), pre-index
 * [Xn|SP, #imm]! and post-index [Xn|SP], #imm.
 */
final class LoadStoreImmediate {
  private LoadStoreImmediate() {}

  static void STR_i(Args.LdstImm a, Emitter e) {
    access(a, e, address -> MemoryAccess.store(e, address, a.rt(), a.sz()));
  }

  static void LDR_i(Args.LdstImm a, Emitter e) {
    access(a, e, address -> MemoryAccess.load(e, address, a.rt(), a.sz(), a.sign(), a.ext()));
  }

  static void STR_v_i(Args.LdstImm a, Emitter e) {
    access(a, e, address -> MemoryAccess.storeVector(e, address, a.rt(), a.sz()));
  }

  static void LDR_v_i(Args.LdstImm a, Emitter e) {
    access(a, e, address -> MemoryAccess.loadVector(e, address, a.rt(), a.sz()));
  }

  /** Transfers at the base (post-index) or the base plus the offset, then writes the base back. */
  private static void access(Args.LdstImm a, Emitter e, Consumer<LLVMValueRef> transfer) {
    LLVMValueRef base = e.regOrSp(a.rn(), true);
    long offset = (long) a.imm() << (a.scaled() == 1 ? a.sz() : 0);
    LLVMValueRef offsetAddress = e.ir.add(base, e.ir.c(64, offset));
    transfer.accept(a.p() == 1 ? base : offsetAddress);
    if (a.w() == 1) {
      e.setRegOrSp(a.rn(), offsetAddress);
    }
  }
}
