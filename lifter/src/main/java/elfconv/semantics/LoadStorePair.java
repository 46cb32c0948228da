package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import java.util.function.BiConsumer;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * STP, LDP, LDPSW, STNP, LDNP of general-purpose registers and of SIMD&FP registers (S, D, Q): signed offset,
 * pre-index and post-index.
 */
final class LoadStorePair {
  private LoadStorePair() {}

  static void STP(Args.LdstPair a, Emitter e) {
    access(a, e, (first, second) -> {
      MemoryAccess.store(e, first, a.rt(), a.sz());
      MemoryAccess.store(e, second, a.rt2(), a.sz());
    });
  }

  /** Both loads come before the register writes; of Rt = Rt2 the first load stays, as in QEMU. */
  static void LDP(Args.LdstPair a, Emitter e) {
    IrBuilder ir = e.ir;
    access(a, e, (first, second) -> {
      LLVMValueRef x = e.load(first, 1 << a.sz());
      LLVMValueRef y = e.load(second, 1 << a.sz());
      int width = a.sz() == 3 || a.sign() == 1 ? 64 : 32;
      e.setReg(a.rt2(), a.sign() == 1 ? ir.sext(y, width) : ir.zext(y, width));
      e.setReg(a.rt(), a.sign() == 1 ? ir.sext(x, width) : ir.zext(x, width));
    });
  }

  static void STP_v(Args.LdstPair a, Emitter e) {
    access(a, e, (first, second) -> {
      MemoryAccess.storeVector(e, first, a.rt(), a.sz());
      MemoryAccess.storeVector(e, second, a.rt2(), a.sz());
    });
  }

  static void LDP_v(Args.LdstPair a, Emitter e) {
    access(a, e, (first, second) -> {
      LLVMValueRef x = e.load(first, 1 << a.sz());
      LLVMValueRef y = e.load(second, 1 << a.sz());
      e.setVreg(a.rt(), x);
      e.setVreg(a.rt2(), y);
    });
  }

  /** Transfers at the base (post-index) or the base plus the scaled offset, then writes the base back. */
  private static void access(Args.LdstPair a, Emitter e, BiConsumer<LLVMValueRef, LLVMValueRef> transfer) {
    IrBuilder ir = e.ir;
    LLVMValueRef base = e.regOrSp(a.rn(), true);
    LLVMValueRef offsetAddress = ir.add(base, ir.c(64, (long) a.imm() << a.sz()));
    LLVMValueRef first = a.p() == 1 ? base : offsetAddress;
    transfer.accept(first, ir.add(first, ir.c(64, 1 << a.sz())));
    if (a.w() == 1) {
      e.setRegOrSp(a.rn(), offsetAddress);
    }
  }
}
