package elfconv.report;

import java.util.List;

/**
 * The valid-set sweep: random 32-bit words (uniform, and from the neighbourhood of decode-table lines), each
 * executed alone under QEMU (cortex-a72) to see whether it raises SIGILL, against whether elfconv decodes it.
 *
 * @param seed the random seed, to draw the same words again
 * @param words uniform words sampled (as many again come from the neighbourhood of decode-table lines)
 * @param qemuExecutes uniform words QEMU executes (no SIGILL at the word)
 * @param lifted of those, the words elfconv decodes and lifts
 * @param overAccepted words of either sample that elfconv decodes and QEMU rejects with SIGILL (must be none)
 * @param missing uniform words QEMU executes that elfconv does not decode, by LLVM's mnemonic, most frequent first
 */
public record ValidSetSweep(long seed, int words, int qemuExecutes, int lifted, List<String> overAccepted,
    List<Missing> missing) {
  public ValidSetSweep {
    overAccepted = overAccepted == null ? List.of() : List.copyOf(overAccepted);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /** An instruction QEMU executes and elfconv does not decode: how many sampled words, and one of them. */
  public record Missing(String mnemonic, int words, String example) {}

  /** The lifted fraction of the words QEMU executes, in percent. */
  public double liftedPercent() {
    return qemuExecutes == 0 ? 100 : 100.0 * lifted / qemuExecutes;
  }
}
