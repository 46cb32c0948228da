package elfconv.report;

import java.util.List;

/**
 * The verification of one program on every target.
 *
 * @param expectation what was required: "agree with qemu" or the runtime error the translated targets must give
 * @param differences one human-readable line per difference found, empty when the verdict is PASS
 * @param timingRuns how many untraced runs, taken in turn, each run time is the median of; 0 when the run times
 *     are those of the verification runs
 */
public record ProgramReport(
    String name,
    String elf,
    List<String> args,
    String expectation,
    Verdict verdict,
    List<TargetRun> runs,
    List<String> differences,
    int timingRuns) {

  public enum Verdict { PASS, FAIL }
}
