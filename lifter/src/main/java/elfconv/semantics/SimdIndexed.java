package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD integer operations by element: every lane of Vn with one lane of Vm, in the arrangement of (Q,
 * size); the long forms (SMULL, SMLAL, SQDMULL...) widen the lower half of Vn, or the upper half for their "2"
 * variants (Q = 1); the scalar forms take lane 0 of Vn. The saturating doubling forms set FPSR.QC.
 */
final class SimdIndexed {
  private SimdIndexed() {}

  static void MUL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.mul(vector(a, e), element(a, e, lanes(a))));
  }

  static void MLA_vi(Args.Indexed a, Emitter e) {
    LLVMValueRef product = e.ir.mul(vector(a, e), element(a, e, lanes(a)));
    Simd.write(e, a.rd(), e.ir.add(Simd.arranged(e, a.rd(), a.q(), a.size()), product));
  }

  static void MLS_vi(Args.Indexed a, Emitter e) {
    LLVMValueRef product = e.ir.mul(vector(a, e), element(a, e, lanes(a)));
    Simd.write(e, a.rd(), e.ir.sub(Simd.arranged(e, a.rd(), a.q(), a.size()), product));
  }

  static void SQDMULH_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingHigh(e, vector(a, e), element(a, e, lanes(a)), false));
  }

  static void SQRDMULH_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingHigh(e, vector(a, e), element(a, e, lanes(a)), true));
  }

  static void SQDMULH_si(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingHigh(e, scalar(a, e), element(a, e, 1), false));
  }

  static void SQRDMULH_si(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingHigh(e, scalar(a, e), element(a, e, 1), true));
  }

  static void SMULL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), longProduct(a, e, true));
  }

  static void UMULL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), longProduct(a, e, false));
  }

  static void SMLAL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.add(wideDestination(a, e, halfLanes(a)), longProduct(a, e, true)));
  }

  static void UMLAL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.add(wideDestination(a, e, halfLanes(a)), longProduct(a, e, false)));
  }

  static void SMLSL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.sub(wideDestination(a, e, halfLanes(a)), longProduct(a, e, true)));
  }

  static void UMLSL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.sub(wideDestination(a, e, halfLanes(a)), longProduct(a, e, false)));
  }

  static void SQDMULL_vi(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingLong(e, half(a, e), element(a, e, halfLanes(a))));
  }

  static void SQDMLAL_vi(Args.Indexed a, Emitter e) {
    LLVMValueRef product = doublingLong(e, half(a, e), element(a, e, halfLanes(a)));
    Simd.write(e, a.rd(), saturating(e, wideDestination(a, e, halfLanes(a)), product, true));
  }

  static void SQDMLSL_vi(Args.Indexed a, Emitter e) {
    LLVMValueRef product = doublingLong(e, half(a, e), element(a, e, halfLanes(a)));
    Simd.write(e, a.rd(), saturating(e, wideDestination(a, e, halfLanes(a)), product, false));
  }

  static void SQDMULL_si(Args.Indexed a, Emitter e) {
    Simd.write(e, a.rd(), doublingLong(e, scalar(a, e), element(a, e, 1)));
  }

  static void SQDMLAL_si(Args.Indexed a, Emitter e) {
    LLVMValueRef product = doublingLong(e, scalar(a, e), element(a, e, 1));
    Simd.write(e, a.rd(), saturating(e, wideDestination(a, e, 1), product, true));
  }

  static void SQDMLSL_si(Args.Indexed a, Emitter e) {
    LLVMValueRef product = doublingLong(e, scalar(a, e), element(a, e, 1));
    Simd.write(e, a.rd(), saturating(e, wideDestination(a, e, 1), product, false));
  }

  private static int lanes(Args.Indexed a) {
    return Simd.lanes(a.q(), a.size());
  }

  private static int halfLanes(Args.Indexed a) {
    return 64 / Simd.bits(a.size());
  }

  private static LLVMValueRef vector(Args.Indexed a, Emitter e) {
    return Simd.arranged(e, a.rn(), a.q(), a.size());
  }

  private static LLVMValueRef scalar(Args.Indexed a, Emitter e) {
    return Simd.read(e, a.rn(), Simd.bits(a.size()), 1);
  }

  /** The lower half of Vn, or the upper for the "2" forms. */
  private static LLVMValueRef half(Args.Indexed a, Emitter e) {
    int bits = Simd.bits(a.size());
    return Simd.half(e.ir, Simd.read(e, a.rn(), bits, 128 / bits), a.q() == 1);
  }

  /** Vd as lanes twice as wide as the elements. */
  private static LLVMValueRef wideDestination(Args.Indexed a, Emitter e, int lanes) {
    return Simd.read(e, a.rd(), 2 * Simd.bits(a.size()), lanes);
  }

  /** Vm[index], repeated over {@code lanes} lanes. */
  private static LLVMValueRef element(Args.Indexed a, Emitter e, int lanes) {
    int bits = Simd.bits(a.size());
    int register = a.size() == 1 ? a.rm() : a.m() << 4 | a.rm();
    int index = a.size() == 1 ? a.h() << 2 | a.l() << 1 | a.m() : a.h() << 1 | a.l();
    LLVMValueRef v = Simd.read(e, register, bits, 128 / bits);
    int[] mask = new int[lanes];
    java.util.Arrays.fill(mask, index);
    return e.ir.shuffle(v, v, mask);
  }

  private static LLVMValueRef longProduct(Args.Indexed a, Emitter e, boolean signed) {
    int wide = 2 * Simd.bits(a.size());
    IrBuilder ir = e.ir;
    return ir.mul(ir.widen(half(a, e), wide, signed), ir.widen(element(a, e, halfLanes(a)), wide, signed));
  }

  /**
   * SQDMULH and SQRDMULH: the high half of 2·a·b (rounded), saturated; only MIN·MIN overflows. Computed at twice
   * the width, where a·b plus the rounding bit cannot overflow.
   */
  static LLVMValueRef doublingHigh(Emitter e, LLVMValueRef x, LLVMValueRef y, boolean round) {
    IrBuilder ir = e.ir;
    int bits = IrBuilder.width(x);
    LLVMValueRef product = ir.mul(ir.widen(x, 2 * bits, true), ir.widen(y, 2 * bits, true));
    if (round) {
      product = ir.add(product, ir.c(product, 1L << (bits - 2)));
    }
    LLVMValueRef high = ir.ashr(product, ir.c(product, bits - 1));
    LLVMValueRef clamped = ir.intrinsic("llvm.smin", ir.intrinsic("llvm.smax", high, ir.c(high, -(1L << (bits - 1)))),
        ir.c(high, (1L << (bits - 1)) - 1));
    Simd.saturation(e, ir.ne(clamped, high));
    return ir.widen(clamped, bits, true);
  }

  /** SQDMULL: 2·a·b at twice the width, saturated (only MIN·MIN overflows). */
  static LLVMValueRef doublingLong(Emitter e, LLVMValueRef x, LLVMValueRef y) {
    IrBuilder ir = e.ir;
    int wide = 2 * IrBuilder.width(x);
    LLVMValueRef product = ir.mul(ir.widen(x, wide, true), ir.widen(y, wide, true));
    return saturating(e, product, product, true);
  }

  /** a + b or a - b, signed and saturated, noting saturation in FPSR.QC. */
  static LLVMValueRef saturating(Emitter e, LLVMValueRef x, LLVMValueRef y, boolean add) {
    IrBuilder ir = e.ir;
    LLVMValueRef result = ir.intrinsic(add ? "llvm.sadd.sat" : "llvm.ssub.sat", x, y);
    Simd.saturation(e, ir.ne(result, add ? ir.add(x, y) : ir.sub(x, y)));
    return result;
  }
}
