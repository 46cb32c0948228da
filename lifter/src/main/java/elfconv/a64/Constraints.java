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
}
