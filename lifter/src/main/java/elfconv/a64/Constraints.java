package elfconv.a64;

/**
 * The decode table's {@code ?check} constraints: conditions on an instruction's fields that leave some of its
 * words unallocated (the CPU raises SIGILL for them), where fixed bits cannot say it.
 */
final class Constraints {
  private Constraints() {}

  /** A logical immediate's N:imms:immr must encode a bitmask (not all ones in an element, not a reserved size). */
  static boolean bitmask(Args.LogicalImm a) {
    return Bitmasks.decode(a.n(), a.imms(), a.immr(), true, a.sf() == 1 ? 64 : 32) != null;
  }

  /** An add/subtract (shifted register) shifts by LSL, LSR or ASR: 11 (ROR) is unallocated. */
  static boolean shift(Args.AddSubReg a) {
    return a.shift() != 3;
  }

  /** An add/subtract (extended register) shifts the extended Rm left by 0 to 4. */
  static boolean extendShift(Args.AddSubExt a) {
    return a.imm3() <= 4;
  }

  /** An arrangement of (Q, size) that is a vector: one 64-bit lane (size 11, Q = 0) is not. */
  static boolean vector(Args.SimdThreeSame a) {
    return a.size() != 3 || a.q() == 1;
  }

  static boolean vector(Args.SimdMisc a) {
    return a.q() == 1 || a.size() != 3;
  }

  /** No 64-bit lanes: only B, H and S elements (of the narrow operand where widths differ). */
  static boolean bhs(Args.SimdThreeSame a) {
    return a.size() != 3;
  }

  /** The across-lanes reductions take 8B, 16B, 4H, 8H or 4S only. */
  static boolean reducible(Args.SimdAcross a) {
    return a.size() < 2 || a.size() == 2 && a.q() == 1;
  }

  // Advanced SIMD two-register miscellaneous, three different, structure loads and stores: element sizes.

  static boolean bhs(Args.SimdMisc a) {
    return a.size() != 3;
  }

  static boolean bhs(Args.SimdMiscScalar a) {
    return a.size() != 3;
  }

  static boolean bhs(Args.SimdLong a) {
    return a.size() != 3;
  }

  /** LD2-LD4 and ST2-ST4 of multiple structures do not interleave one 64-bit lane per register. */
  static boolean interleavable(Args.SimdLdstMult a) {
    return a.q() == 1 || a.size() != 3 || a.selem() == 1;
  }

  /** A register-offset index is extended by UXTW, LSL (UXTX), SXTW or SXTX: option<1> is 1. */
  static boolean indexOption(Args.LdstReg a) {
    return (a.opt() & 2) != 0;
  }

  /** An FP vector of one double lane (sz = 1, Q = 0) does not exist. */
  static boolean vector(Args.FpVec a) {
    return a.sz() == 0 || a.q() == 1;
  }

  static boolean vector(Args.FpVecMisc a) {
    return a.sz() == 0 || a.q() == 1;
  }

  /** A double element's index is H alone (L = 0), in a vector of two doubles. */
  static boolean fpIndex(Args.FpVecIndex a) {
    return a.sz() == 0 || a.l() == 0 && a.q() == 1;
  }

  static boolean fpIndexScalar(Args.FpVecIndex a) {
    return a.sz() == 0 || a.l() == 0;
  }
}
