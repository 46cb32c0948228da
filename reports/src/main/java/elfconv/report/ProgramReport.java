package elfconv.report;

import java.util.List;

/**
 * The verification of one program on every target.
 *
 * @param expectation what was required: "agree with qemu" or the runtime error the translated targets must give
 * @param differences one human-readable line per difference found, empty when the verdict is PASS
 */
public record ProgramReport(
    String name,
    String elf,
    List<String> args,
    String expectation,
    Verdict verdict,
    List<TargetRun> runs,
    List<String> differences) {

  public enum Verdict { PASS, FAIL }
}
