package elfconv.difftest;

import static org.junit.jupiter.api.Assertions.fail;

import elfconv.a64.Pattern;
import elfconv.report.PatternCoverage;
import elfconv.report.ReportWriter;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Every decode-table pattern, as single instructions and inside random sequences, runs under QEMU (cortex-a72)
 * and translated to x86_64 and wasm32; the final registers, NZCV and scratch memory must be identical. One try
 * is one batch of cases in one test ELF, led by every saved regression seed; a divergence is shrunk to a minimal
 * case by {@link CaseShrinker}, printed as assembly with the differing registers, and saved as a regression seed.
 */
class InstructionProperties {
  static final int CASES_PER_PATTERN = Integer.getInteger("elfconv.casesPerPattern", 24);
  static final int SEQUENCES = Integer.getInteger("elfconv.sequences", 300);
  static final int IDIOMS = Integer.getInteger("elfconv.idioms", 48);
  /** Coverage of every batch of this run (a deep run tries many). */
  private static List<PatternCoverage> coverage = List.of();

  /** Saved regression seeds first, then random cases for every pattern, random sequences, fused idioms. */
  @Provide
  Arbitrary<List<InstructionCase>> batch() {
    List<Arbitrary<List<InstructionCase>>> parts = new ArrayList<>();
    parts.add(Arbitraries.just(RegressionSeed.load(regressionDir())));
    for (Pattern p : CaseGenerators.testedPatterns()) {
      parts.add(CaseGenerators.single(p).list().ofSize(CASES_PER_PATTERN));
    }
    parts.add(CaseGenerators.sequences().list().ofSize(SEQUENCES));
    parts.add(CaseGenerators.idioms().list().ofSize(IDIOMS));
    return Combinators.combine(parts).as(lists -> lists.stream().flatMap(List::stream).toList());
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void everyPatternAgreesWithQemuOnBothTargets(@ForAll("batch") List<InstructionCase> batch) throws IOException {
    DifferentialRunner runner = new DifferentialRunner(Path.of("target", "difftest"), List.of(Target.values()));
    List<Divergence> divergences = runner.run(batch);
    if (Boolean.parseBoolean(System.getProperty("elfconv.reportCoverage", "true"))) {
      coverage = Coverage.add(coverage, Coverage.of(batch, divergences));
      ReportWriter.mergeCoverage(reportDir(), coverage);
    }
    if (!divergences.isEmpty()) {
      Divergence minimal = CaseShrinker.shrinkFirst(runner, divergences);
      String saved = minimal == null ? "" : "\nsaved as regression seed "
          + RegressionSeed.save(regressionDir(), minimal) + " (commit it)";
      fail(CaseShrinker.report(divergences, minimal) + saved);
    }
  }

  /** corpus/regressions/ of this checkout. */
  static Path regressionDir() {
    return root().resolve("corpus").resolve("regressions");
  }

  /** The build's report, shared with the corpus verification. */
  static Path reportDir() {
    return root().resolve("target").resolve("elfconv-report");
  }

  private static Path root() {
    return Path.of(System.getProperty("elfconv.root", ".."));
  }
}
