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
}
