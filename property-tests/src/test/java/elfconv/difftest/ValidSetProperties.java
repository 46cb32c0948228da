package elfconv.difftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.report.ReportWriter;
import elfconv.report.ValidSetSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import net.jqwik.api.Example;

/**
 * elfconv's valid set against QEMU's: random words (uniform, and near decode-table lines), each executed alone under
 * QEMU. A word QEMU answers with SIGILL must never be one we decode (the translation would run what the CPU
 * refuses); the share of the words QEMU executes that we lift goes to the report, with what is missing by mnemonic.
 * {@code -Delfconv.sweepWords=N} sets the sample size, {@code -Delfconv.sweepSeed=S} repeats a sample.
 */
class ValidSetProperties {
  private static final int WORDS = Integer.getInteger("elfconv.sweepWords", 10_000);

  @Example
  void noWordQemuRejectsDecodesAndTheLiftedShareIsReported() throws IOException {
    long seed = Long.getLong("elfconv.sweepSeed", System.nanoTime());
    ValidSetSweep sweep = new ValidSetSweeper(Path.of("target", "sweep")).run(seed, WORDS);
    ReportWriter.mergeSweep(InstructionProperties.reportDir(), sweep);
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "valid-set sweep (seed %d): %d words, %d executed by QEMU, %.2f%% of those lifted (%d)%n", seed,
        sweep.words(), sweep.qemuExecutes(), sweep.liftedPercent(), sweep.lifted()));
    sweep.missing().stream().limit(25).forEach(m ->
        summary.append(String.format("  not lifted: %-12s %5d words, e.g. %s%n", m.mnemonic(), m.words(), m.example())));
    System.out.print(summary);
    assertTrue(sweep.overAccepted().isEmpty(), () -> "words we decode that QEMU rejects with SIGILL:\n  "
        + String.join("\n  ", sweep.overAccepted()));
  }
}
