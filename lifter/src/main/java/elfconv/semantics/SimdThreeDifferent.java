package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMConstVector;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD operations whose operands and result differ in lane width: the long forms (ADDL, SUBL, ABAL,
 * ABDL, MLAL, MLSL, MULL: narrow sources, wide result), the wide forms (ADDW, SUBW) and the high-narrowing ADDHN,
 * SUBHN and their rounding forms, the polynomial PMULL and the saturating doubling SQDMULL, SQDMLAL, SQDMLSL (also
 * scalar). Q = 1 (the "2" forms) takes the narrow operands from the upper halves, or writes
 * the narrow result to the upper half.
 */
final class SimdThreeDifferent {
  private SimdThreeDifferent() {}

  private enum Kind { ADD, SUB, ABA, ABD, MLA, MLS, MUL }

  static void SADDL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.ADD);
  }

  static void UADDL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.ADD);
  }

  static void SADDW(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, true, Kind.ADD);
  }

  static void UADDW(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, true, Kind.ADD);
  }

  static void SSUBL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.SUB);
  }

  static void USUBL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.SUB);
  }

  static void SSUBW(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, true, Kind.SUB);
  }

  static void USUBW(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, true, Kind.SUB);
  }

  static void SABAL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.ABA);
  }

  static void UABAL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.ABA);
  }

  static void SABDL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.ABD);
  }

  static void UABDL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.ABD);
  }

  static void SMLAL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.MLA);
  }

  static void UMLAL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.MLA);
  }

  static void SMLSL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.MLS);
  }

  static void UMLSL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.MLS);
  }

  static void SMULL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, false, false, Kind.MUL);
  }

  static void UMULL_v(Args.SimdLong a, Emitter e) {
    longOp(a, e, true, false, Kind.MUL);
  }

  static void ADDHN(Args.SimdLong a, Emitter e) {
    highNarrow(a, e, false, false);
  }

  static void RADDHN(Args.SimdLong a, Emitter e) {
    highNarrow(a, e, false, true);
  }

  static void SUBHN(Args.SimdLong a, Emitter e) {
    highNarrow(a, e, true, false);
  }

  static void RSUBHN(Args.SimdLong a, Emitter e) {
    highNarrow(a, e, true, true);
  }

  /** PMULL, PMULL2 of bytes: carry-less products in 16-bit lanes. */
  static void PMULL_p8(Args.SimdLong a, Emitter e) {
    IrBuilder ir = e.ir;
    boolean upper = a.q() == 1;
    LLVMValueRef n = ir.widen(Simd.half(ir, Simd.arranged(e, a.rn(), 1, 0), upper), 16, false);
    LLVMValueRef m = ir.widen(Simd.half(ir, Simd.arranged(e, a.rm(), 1, 0), upper), 16, false);
    Simd.write(e, a.rd(), SimdThreeSame.polynomialMultiply(ir, n, m));
  }

  /**
   * PMULL, PMULL2 of one 64-bit lane (lane Q): the 128-bit carry-less product, as the exclusive-or of the 64
   * shifted copies of n selected by the bits of m, each split into its low and high 64 bits.
   */
  static void PMULL_p64(Args.SimdLong a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef n = ir.extract(Simd.arranged(e, a.rn(), 1, 3), ir.c(32, a.q()));
    LLVMValueRef m = ir.extract(Simd.arranged(e, a.rm(), 1, 3), ir.c(32, a.q()));
    LLVMValueRef zero = ir.splat(ir.m.vectorType(64, 64), 0);
    LLVMValueRef ns = ir.shuffle(ir.insert(zero, n, 0), zero, new int[64]);
    LLVMValueRef ms = ir.shuffle(ir.insert(zero, m, 0), zero, new int[64]);
    LLVMValueRef[] bit = new LLVMValueRef[64];
    LLVMValueRef[] rest = new LLVMValueRef[64];
    for (int i = 0; i < 64; i++) {
      bit[i] = ir.c(64, i);
      rest[i] = ir.c(64, 63 - i);
    }
    LLVMValueRef amounts = LLVMConstVector(new PointerPointer<>(bit), 64);
    LLVMValueRef one = ir.c(zero, 1);
    LLVMValueRef set = ir.ne(ir.and(ir.lshr(ms, amounts), one), zero);
    LLVMValueRef low = ir.select(set, ir.shl(ns, amounts), zero);
    // n >> (64 - i), as (n >> (63 - i)) >> 1: a shift by 64 is not defined.
    LLVMValueRef carried = ir.lshr(ir.lshr(ns, LLVMConstVector(new PointerPointer<>(rest), 64)), one);
    LLVMValueRef high = ir.select(set, carried, zero);
    LLVMValueRef result = ir.insert(ir.splat(ir.m.vectorType(2, 64), 0),
        ir.intrinsic("llvm.vector.reduce.xor", low), 0);
    Simd.write(e, a.rd(), ir.insert(result, ir.intrinsic("llvm.vector.reduce.xor", high), 1));
  }

  static void SQDMULL_v(Args.SimdLong a, Emitter e) {
    Simd.write(e, a.rd(), doublingLong(a, e));
  }

  static void SQDMLAL_v(Args.SimdLong a, Emitter e) {
    LLVMValueRef product = doublingLong(a, e);
    Simd.write(e, a.rd(), SimdIndexed.saturating(e, Simd.arranged(e, a.rd(), 1, a.size() + 1), product, true));
  }

  static void SQDMLSL_v(Args.SimdLong a, Emitter e) {
    LLVMValueRef product = doublingLong(a, e);
    Simd.write(e, a.rd(), SimdIndexed.saturating(e, Simd.arranged(e, a.rd(), 1, a.size() + 1), product, false));
  }

  static void SQDMULL_s(Args.SimdScalarSame a, Emitter e) {
    Simd.write(e, a.rd(), doublingLong(a, e));
  }

  static void SQDMLAL_s(Args.SimdScalarSame a, Emitter e) {
    LLVMValueRef product = doublingLong(a, e);
    LLVMValueRef d = Simd.read(e, a.rd(), 2 * Simd.bits(a.size()), 1);
    Simd.write(e, a.rd(), SimdIndexed.saturating(e, d, product, true));
  }

  static void SQDMLSL_s(Args.SimdScalarSame a, Emitter e) {
    LLVMValueRef product = doublingLong(a, e);
    LLVMValueRef d = Simd.read(e, a.rd(), 2 * Simd.bits(a.size()), 1);
    Simd.write(e, a.rd(), SimdIndexed.saturating(e, d, product, false));
  }

  /** 2·n·m of the lower (the "2" forms: upper) halves, at twice the width, saturated. */
  private static LLVMValueRef doublingLong(Args.SimdLong a, Emitter e) {
    boolean upper = a.q() == 1;
    LLVMValueRef n = Simd.half(e.ir, Simd.arranged(e, a.rn(), 1, a.size()), upper);
    LLVMValueRef m = Simd.half(e.ir, Simd.arranged(e, a.rm(), 1, a.size()), upper);
    return SimdIndexed.doublingLong(e, n, m);
  }

  private static LLVMValueRef doublingLong(Args.SimdScalarSame a, Emitter e) {
    int bits = Simd.bits(a.size());
    return SimdIndexed.doublingLong(e, Simd.read(e, a.rn(), bits, 1), Simd.read(e, a.rm(), bits, 1));
  }

  /** ADDHN, SUBHN (rounding: RADDHN, RSUBHN): the upper half of each wide sum or difference. */
  private static void highNarrow(Args.SimdLong a, Emitter e, boolean subtract, boolean round) {
    IrBuilder ir = e.ir;
    int bits = Simd.bits(a.size());
    LLVMValueRef n = Simd.arranged(e, a.rn(), 1, a.size() + 1);
    LLVMValueRef m = Simd.arranged(e, a.rm(), 1, a.size() + 1);
    LLVMValueRef sum = subtract ? ir.sub(n, m) : ir.add(n, m);
    if (round) {
      sum = ir.add(sum, ir.c(sum, 1L << (bits - 1)));
    }
    Simd.writeNarrow(e, a.q(), a.rd(), ir.widen(ir.lshr(sum, ir.c(sum, bits)), bits, false));
  }

  /** The long forms, and with {@code wideN} the wide forms, whose first operand already has the wide lanes. */
  private static void longOp(Args.SimdLong a, Emitter e, boolean unsigned, boolean wideN, Kind op) {
    IrBuilder ir = e.ir;
    int size = a.size();
    boolean upper = a.q() == 1;
    int rd = a.rd();
    LLVMValueRef m = wideHalf(e, a.rm(), size, upper, !unsigned);
    LLVMValueRef n = wideN ? Simd.arranged(e, a.rn(), 1, size + 1) : wideHalf(e, a.rn(), size, upper, !unsigned);
    LLVMValueRef result = switch (op) {
      case ADD -> ir.add(n, m);
      case SUB -> ir.sub(n, m);
      case ABA -> ir.add(Simd.arranged(e, rd, 1, size + 1), difference(ir, n, m));
      case ABD -> difference(ir, n, m);
      case MLA -> ir.add(Simd.arranged(e, rd, 1, size + 1), ir.mul(n, m));
      case MLS -> ir.sub(Simd.arranged(e, rd, 1, size + 1), ir.mul(n, m));
      case MUL -> ir.mul(n, m);
    };
    Simd.write(e, rd, result);
  }

  /** The lower or upper half of Vn, each lane extended to twice its width. */
  private static LLVMValueRef wideHalf(Emitter e, int n, int size, boolean upper, boolean signed) {
    LLVMValueRef half = Simd.half(e.ir, Simd.arranged(e, n, 1, size), upper);
    return e.ir.widen(half, 2 * Simd.bits(size), signed);
  }

  /** |a - b| of lanes already extended (exact at that width). */
  private static LLVMValueRef difference(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef d = ir.sub(a, b);
    return ir.intrinsic("llvm.abs", d, ir.c(1, 0));
  }
}
