package elfconv.report;

import java.util.List;

/**
 * Everything one `mvn verify` (or one `elfconv verify --report DIR`) checked: whole programs, and the coverage of
 * the decode table by differential instruction tests, and the valid-set sweep.
 */
public record Report(String created, List<ProgramReport> programs, List<PatternCoverage> coverage,
    ValidSetSweep sweep) {
  public Report {
    programs = programs == null ? List.of() : List.copyOf(programs);
    coverage = coverage == null ? List.of() : List.copyOf(coverage);
  }

  /** A report of whole programs only. */
  public Report(String created, List<ProgramReport> programs) {
    this(created, programs, List.of(), null);
  }
}
