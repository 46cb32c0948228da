package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD operations whose operands and result differ in lane width: the long forms (ADDL, SUBL, ABAL,
 * ABDL, MLAL, MLSL, MULL: narrow sources, wide result), the wide forms (ADDW, SUBW) and the high-narrowing ADDHN,
 * SUBHN and their rounding forms. Q = 1 (the "2" forms) takes the narrow operands from the upper halves, or writes
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
