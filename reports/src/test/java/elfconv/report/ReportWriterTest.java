package elfconv.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static ProgramReport program(String name, ProgramReport.Verdict verdict, List<String> differences) {
    return new ProgramReport(name, "/elf/" + name, List.of("alpha", "beta"), "agree with qemu", verdict,
        List.of(new TargetRun("qemu", 0, null, 0, 40, true, true, true, 5),
            new TargetRun("x86_64", 139, "SIGSEGV", 1200, 10, false, true, false, 4, List.of())),
        differences, verdict == ProgramReport.Verdict.PASS ? 3 : 0);
  }

  @Test
  void jsonRoundTrips() throws IOException {
    Report report = new Report("2024-01-01T00:00:00Z", List.of(
        program("recursion", ProgramReport.Verdict.PASS, List.of()),
        program("multiword", ProgramReport.Verdict.FAIL, List.of("stdout differs at byte 3"))));

    ReportWriter.write(report, dir);

    assertEquals(report, ReportWriter.read(dir));
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\n  \"programs\" : ["), "pretty printed");
  }

  @Test
  void htmlShowsSummaryRowsAndRatio() throws IOException {
    ReportWriter.write(new Report("now", List.of(
        program("recursion", ProgramReport.Verdict.PASS, List.of()),
        program("multiword", ProgramReport.Verdict.FAIL, List.of("exit status 139, qemu 0")))), dir);

    String html = Files.readString(dir.resolve("index.html"));

    assertTrue(html.contains("<span>2 programs</span><span class=\"pass\">1 passed</span>"
        + "<span class=\"fail\">1 failed</span>"), html);
    assertTrue(html.contains("<td>x86_64</td><td class=\"num\">139 (SIGSEGV)</td>"), html);
    assertTrue(html.contains("0.25&#xd7;"), "x86_64 took 10 ms where qemu took 40 ms");
    assertTrue(html.contains("<li>exit status 139, qemu 0</li>"));
    assertFalse(html.contains("src=") || html.contains("href="), "self-contained");
  }

  @Test
  void timedRunsShowTheirMedianAndRangeAndRoundTrip() throws IOException {
    TargetRun qemu = new TargetRun("qemu", 0, null, 0, 0, true, true, true, 5).withTimes(List.of(2650L, 1690L, 2640L));
    TargetRun x86 = new TargetRun("x86_64", 0, null, 900, 0, true, true, true, 5).withTimes(List.of(610L, 600L, 620L));
    Report report = new Report("now", List.of(new ProgramReport("prime_calc", "/elf/prime_calc", List.of(),
        "agree with qemu", ProgramReport.Verdict.PASS, List.of(qemu, x86), List.of(), 3)));

    ReportWriter.write(report, dir);

    assertEquals(List.of(1690L, 2640L, 2650L), qemu.timedMillis());
    assertEquals(2640, qemu.wallMillis(), "the median");
    assertEquals(report, ReportWriter.read(dir));
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("2640 ms<br><span class=\"detail\">1690&#x2013;2650 ms</span>"), html);
    assertTrue(html.contains("610 ms<br><span class=\"detail\">600&#x2013;620 ms</span>"), html);
    assertTrue(html.contains("0.23&#xd7;"), "median against median: 610 / 2640");
  }

  @Test
  void htmlEscapesNamesAndDifferences() throws IOException {
    ReportWriter.write(new Report("now", List.of(
        program("<script>alert('x')</script>", ProgramReport.Verdict.FAIL, List.of("stderr \"a\" & <b>")))), dir);

    String html = Files.readString(dir.resolve("index.html"));

    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("<li>stderr &quot;a&quot; &amp; &lt;b&gt;</li>"));
  }

  @Test
  void mergeReplacesByNameKeepsOthersAndAppendsNew() throws IOException {
    ReportWriter.write(new Report("2024-01-01T00:00:00Z", List.of(
        program("a", ProgramReport.Verdict.PASS, List.of()),
        program("b", ProgramReport.Verdict.FAIL, List.of("old")))), dir);
    ProgramReport newB = program("b", ProgramReport.Verdict.PASS, List.of());
    ProgramReport c = program("c", ProgramReport.Verdict.PASS, List.of());

    Report merged = ReportWriter.merge(dir, List.of(c, newB));

    assertEquals(List.of(program("a", ProgramReport.Verdict.PASS, List.of()), newB, c), merged.programs());
    assertNotEquals("2024-01-01T00:00:00Z", merged.created());
    assertEquals(merged, ReportWriter.read(dir));
    assertTrue(Files.readString(dir.resolve("index.html")).contains("<span>3 programs</span>"));
  }

  @Test
  void mergeCreatesAMissingReport() throws IOException {
    Path nested = dir.resolve("target/elfconv-report");

    Report merged = ReportWriter.merge(nested, List.of(program("a", ProgramReport.Verdict.PASS, List.of())));

    assertEquals(merged, ReportWriter.read(nested));
    assertTrue(Files.exists(nested.resolve("index.html")));
  }

  @Test
  void coverageIsKeptByProgramMergesAndShownAsATable() throws IOException {
    List<PatternCoverage> coverage = List.of(new PatternCoverage("ADD_SUB_IMM", "AddSubImmediate", "lifted", 40, 0),
        new PatternCoverage("CB", "CompareBranch", "lifted", 30, 2));
    ReportWriter.mergeCoverage(dir, coverage);

    Report merged = ReportWriter.merge(dir, List.of(program("a", ProgramReport.Verdict.PASS, List.of())));

    assertEquals(coverage, merged.coverage());
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("<span>2 instructions</span><span>70 instruction uses in random cases, per target</span>"
        + "<span class=\"fail\">1 with failures</span>"), html);
    assertTrue(html.contains("<td class=\"program\">CB</td><td>CompareBranch</td><td>lifted</td>"
        + "<td class=\"num\">30</td><td class=\"num fail\">2</td>"), html);
  }

  @Test
  void sweepIsKeptByOtherMergesAndShownWithWhatIsMissing() throws IOException {
    ValidSetSweep sweep = new ValidSetSweep(7, 1000, 400, 390, List.of(),
        List.of(new ValidSetSweep.Missing("sqrshl", 6, "0x4e215e5c sqrshl v28.16b, v18.16b, v1.16b")));
    ReportWriter.mergeSweep(dir, sweep);
    ReportWriter.mergeCoverage(dir, List.of());

    Report merged = ReportWriter.merge(dir, List.of(program("a", ProgramReport.Verdict.PASS, List.of())));

    assertEquals(sweep, merged.sweep());
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("<span>400 executed by QEMU</span><span>97.50% of those lifted</span>"
        + "<span class=\"pass\">0 lifted that QEMU rejects</span>"), html);
    assertTrue(html.contains("<td class=\"program\">sqrshl</td><td class=\"num\">6</td>"), html);
  }

  @Test
  void unreadableReportSaysWhatToDo() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{ not json");

    IOException e = assertThrows(IOException.class, () -> ReportWriter.merge(dir, List.of()));

    assertTrue(e.getMessage().contains("delete it to start a new report"), e.getMessage());
  }
}
