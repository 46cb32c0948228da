package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV: the lanes of a vector reduced to a scalar register. */
final class SimdAcrossLanes {
  private SimdAcrossLanes() {}

  static void ADDV(Args.SimdAcross a, Emitter e) {
    reduce(a, e, "llvm.vector.reduce.add");
  }

  static void SADDLV(Args.SimdAcross a, Emitter e) {
    addLong(a, e, true);
  }

  static void UADDLV(Args.SimdAcross a, Emitter e) {
    addLong(a, e, false);
  }

  static void SMAXV(Args.SimdAcross a, Emitter e) {
    reduce(a, e, "llvm.vector.reduce.smax");
  }

  static void UMAXV(Args.SimdAcross a, Emitter e) {
    reduce(a, e, "llvm.vector.reduce.umax");
  }

  static void SMINV(Args.SimdAcross a, Emitter e) {
    reduce(a, e, "llvm.vector.reduce.smin");
  }

  static void UMINV(Args.SimdAcross a, Emitter e) {
    reduce(a, e, "llvm.vector.reduce.umin");
  }

  private static void reduce(Args.SimdAcross a, Emitter e, String intrinsic) {
    LLVMValueRef v = Simd.arranged(e, a.rn(), a.q(), a.size());
    e.setVreg(a.rd(), e.ir.intrinsic(intrinsic, v));
  }

  /** The sum of the lanes each widened to twice their width. */
  private static void addLong(Args.SimdAcross a, Emitter e, boolean signed) {
    IrBuilder ir = e.ir;
    LLVMValueRef v = Simd.arranged(e, a.rn(), a.q(), a.size());
    e.setVreg(a.rd(), ir.intrinsic("llvm.vector.reduce.add", ir.widen(v, 2 * IrBuilder.width(v), signed)));
  }
}
