package elfconv.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import elfconv.TestPrograms;
import elfconv.report.ProgramReport;
import elfconv.report.TargetRun;
import elfconv.toolchain.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
  @TempDir
  Path dir;

  /** Exits with the number of bytes it reads from stdin: each run's status shows what that run was given. */
  private static final String COUNT_STDIN = """
          .globl _start
          .type _start, %function
      _start:
          mov x19, #0
      1:
          mov x0, #0
          adrp x1, buffer
          add x1, x1, :lo12:buffer
          mov x2, #64
          mov x8, #63
          svc #0
          cmp x0, #0
          b.le 2f
          add x19, x19, x0
          b 1b
      2:
          mov x0, x19
          mov x8, #94
          svc #0
          .size _start, .-_start
          .bss
      buffer:
          .skip 64
      """;

  @Test
  void everyRunReadsTheSameStandardInput() throws Exception {
    Path elf = TestPrograms.assemble(dir, "count_stdin", COUNT_STDIN, "-static", "-e", "_start");
    Path stdin = Files.writeString(dir.resolve("input.txt"), "x".repeat(150));

    ProgramReport report = new Verifier(dir.resolve("work"), List.of(Target.values()))
        .verify(new ProgramSpec("count_stdin", elf, List.of(), null, stdin));

    assertEquals(ProgramReport.Verdict.PASS, report.verdict(), report.differences().toString());
    for (TargetRun run : report.runs()) {
      assertEquals(150, run.exitStatus(), run.target());
    }
    assertEquals(1 + Target.values().length, report.runs().size());
  }

  @Test
  void withoutStdinEveryRunReadsNothing() throws Exception {
    Path elf = TestPrograms.assemble(dir, "count_stdin", COUNT_STDIN, "-static", "-e", "_start");

    ProgramReport report = new Verifier(dir.resolve("work"), List.of(Target.values()))
        .verify(new ProgramSpec("count_stdin", elf, List.of(), null));

    assertEquals(ProgramReport.Verdict.PASS, report.verdict(), report.differences().toString());
    report.runs().forEach(run -> assertEquals(0, run.exitStatus(), run.target()));
  }

  @Test
  void timingRunsGiveMediansOfUntracedRunsOfEveryTarget() throws Exception {
    Path elf = TestPrograms.assemble(dir, "count_stdin", COUNT_STDIN, "-static", "-e", "_start");

    ProgramReport report = new Verifier(dir.resolve("work"), List.of(Target.values()))
        .verify(new ProgramSpec("count_stdin", elf, List.of(), null, null, 3));

    assertEquals(ProgramReport.Verdict.PASS, report.verdict(), report.differences().toString());
    assertEquals(3, report.timingRuns());
    for (TargetRun run : report.runs()) {
      assertEquals(3, run.timedMillis().size(), run.target());
    }
  }
}
