package elfconv.semantics;

import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The transfer of one register, general-purpose or SIMD&FP, shared by every addressing mode. Its arguments are
 * QEMU's: {@code sz} is log2 of the bytes (4 for a Q register), {@code sign} a sign-extending load, {@code ext} a
 * load into a W register.
 */
final class MemoryAccess {
  private MemoryAccess() {}

  /** Loads 1 << sz bytes into Xt, or into Wt with ext, zero- or sign-extended. */
  static void load(Emitter e, LLVMValueRef address, int rt, int sz, int sign, int ext) {
    LLVMValueRef value = e.load(address, 1 << sz);
    int width = ext == 1 ? 32 : 64;
    e.setReg(rt, sign == 1 ? e.ir.sext(value, width) : e.ir.zext(value, width));
  }

  /** Stores the low 1 << sz bytes of Xt. */
  static void store(Emitter e, LLVMValueRef address, int rt, int sz) {
    e.store(address, e.ir.trunc(e.reg(rt, true), 8 << sz));
  }

  /** Loads Bt, Ht, St, Dt or Qt by sz, clearing the rest of Vt. */
  static void loadVector(Emitter e, LLVMValueRef address, int rt, int sz) {
    e.setVreg(rt, e.load(address, 1 << sz));
  }

  /** Stores Bt, Ht, St, Dt or Qt by sz. */
  static void storeVector(Emitter e, LLVMValueRef address, int rt, int sz) {
    e.store(address, e.vreg(rt, 1 << sz));
  }
}
