package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import java.util.function.IntBinaryOperator;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** UZP1/2, TRN1/2, ZIP1/2 and EXT: lanes of two vectors rearranged, each a fixed shuffle of Vn:Vm. */
final class SimdPermute {
  private SimdPermute() {}

  /** UZP1: the even lanes of Vn then Vm. */
  static void UZP1(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> 2 * k);
  }

  /** UZP2: the odd lanes of Vn then Vm. */
  static void UZP2(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> 2 * k + 1);
  }

  /** TRN1: the even lanes of Vn and Vm interleaved. */
  static void TRN1(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> (k & ~1) + (k % 2 == 1 ? lanes : 0));
  }

  /** TRN2: the odd lanes of Vn and Vm interleaved. */
  static void TRN2(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> (k & ~1) + 1 + (k % 2 == 1 ? lanes : 0));
  }

  /** ZIP1: the low halves of Vn and Vm interleaved. */
  static void ZIP1(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> k / 2 + (k % 2 == 1 ? lanes : 0));
  }

  /** ZIP2: the high halves of Vn and Vm interleaved. */
  static void ZIP2(Args.SimdThreeSame a, Emitter e) {
    permute(a, e, (k, lanes) -> lanes / 2 + k / 2 + (k % 2 == 1 ? lanes : 0));
  }

  /** EXT (8 bytes): the bytes of Vn:Vm from byte imm. */
  static void EXT_d(Args.SimdExt a, Emitter e) {
    extract(a, e);
  }

  /** EXT (16 bytes): the bytes of Vn:Vm from byte imm. */
  static void EXT_q(Args.SimdExt a, Emitter e) {
    extract(a, e);
  }

  private static void extract(Args.SimdExt a, Emitter e) {
    shuffle(e, a.q(), 0, a.rn(), a.rm(), a.rd(), (k, lanes) -> a.imm() + k);
  }

  private static void permute(Args.SimdThreeSame a, Emitter e, IntBinaryOperator lane) {
    shuffle(e, a.q(), a.size(), a.rn(), a.rm(), a.rd(), lane);
  }

  /** Vd's lane k is lane {@code lane(k, lanes)} of Vn:Vm (Vm's lanes numbered from {@code lanes}). */
  private static void shuffle(Emitter e, int q, int size, int n, int m, int d, IntBinaryOperator lane) {
    LLVMValueRef a = Simd.arranged(e, n, q, size);
    LLVMValueRef b = Simd.arranged(e, m, q, size);
    int lanes = Simd.lanes(q, size);
    int[] mask = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      mask[k] = lane.applyAsInt(k, lanes);
    }
    Simd.write(e, d, e.ir.shuffle(a, b, mask));
  }
}
