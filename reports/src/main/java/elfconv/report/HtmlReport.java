package elfconv.report;

import java.util.List;
import java.util.Locale;

/** Renders a report as one HTML page with inline CSS and no external assets, so it can be opened from anywhere. */
final class HtmlReport {
  private static final String QEMU = "qemu";
  private static final String STYLE = """
      body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
      h1 { font-size: 1.5em; margin-bottom: 0.2em; }
      .created { color: #666; margin-top: 0; }
      .summary span { display: inline-block; padding: 0.3em 0.8em; margin-right: 0.5em; border-radius: 4px;
        background: #eee; font-weight: 600; }
      .summary .pass, td.pass { background: #d6f5d6; }
      .summary .fail, td.fail { background: #f8d0d0; }
      table { border-collapse: collapse; margin-top: 1.5em; }
      th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.yes { color: #1a7f1a; text-align: center; }
      td.no { color: #c01010; text-align: center; font-weight: 700; }
      .program { font-weight: 600; }
      .detail { color: #666; font-size: 0.9em; }
      tr.differences td { background: #fff6f6; }
      tr.differences ul { margin: 0.2em 0; padding-left: 1.5em; font-family: ui-monospace, monospace; }
      .bar { display: inline-block; height: 0.7em; background: #7aa7d8; margin-right: 0.4em; }
      """;
  private static final int COLUMNS = 11;

  private HtmlReport() {}

  static String render(Report report) {
    long passed = report.programs().stream().filter(p -> p.verdict() == ProgramReport.Verdict.PASS).count();
    long failed = report.programs().size() - passed;
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>elfconv verification report</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<h1>elfconv verification report</h1>\n")
        .append("<p class=\"created\">").append(escape(report.created())).append("</p>\n")
        .append("<p class=\"summary\"><span>").append(report.programs().size()).append(" programs</span>")
        .append("<span class=\"pass\">").append(passed).append(" passed</span>")
        .append("<span class=\"fail\">").append(failed).append(" failed</span></p>\n")
        .append("<table>\n<tr><th>program</th><th>verdict</th><th>target</th><th>exit</th><th>stdout</th>")
        .append("<th>stderr</th><th>syscalls</th><th>syscall count</th><th>translate</th><th>run</th>")
        .append("<th>run time vs QEMU</th></tr>\n");
    for (ProgramReport program : report.programs()) {
      appendProgram(html, program);
    }
    html.append("</table>\n");
    appendCoverage(html, report.coverage());
    appendSweep(html, report.sweep());
    return html.append("</body>\n</html>\n").toString();
  }

  /** The decode table's instructions: how each is lifted and tested, cases run and failures. */
  private static void appendCoverage(StringBuilder html, List<PatternCoverage> coverage) {
    if (coverage.isEmpty()) {
      return;
    }
    int cases = coverage.stream().mapToInt(PatternCoverage::cases).sum();
    long failing = coverage.stream().filter(c -> c.failures() > 0).count();
    html.append("<h2 id=\"coverage\">Instruction coverage</h2>\n<p class=\"summary\"><span>").append(coverage.size())
        .append(" instructions</span><span>").append(cases).append(" instruction uses in random cases, per target</span>")
        .append("<span class=\"").append(failing == 0 ? "pass" : "fail").append("\">").append(failing)
        .append(" with failures</span></p>\n<table>\n<tr><th>instruction</th><th>class</th><th>status</th>")
        .append("<th>cases</th><th>failures</th></tr>\n");
    for (PatternCoverage c : coverage) {
      html.append("<tr><td class=\"program\">").append(escape(c.pattern())).append("</td><td>")
          .append(escape(c.family())).append("</td><td>").append(escape(c.status())).append("</td><td class=\"num\">")
          .append(c.cases()).append("</td><td class=\"num ").append(c.failures() == 0 ? "pass" : "fail").append("\">")
          .append(c.failures()).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  /** The valid-set sweep: what share of the words QEMU executes elfconv lifts, and what it does not yet. */
  private static void appendSweep(StringBuilder html, ValidSetSweep sweep) {
    if (sweep == null) {
      return;
    }
    html.append("<h2 id=\"sweep\">Valid-set sweep</h2>\n<p class=\"summary\"><span>").append(sweep.words())
        .append(" uniform random words and as many near decode-table lines (seed ").append(sweep.seed()).append(")</span><span>").append(sweep.qemuExecutes())
        .append(" executed by QEMU</span><span>").append(String.format(Locale.ROOT, "%.2f%%", sweep.liftedPercent()))
        .append(" of those lifted</span><span class=\"").append(sweep.overAccepted().isEmpty() ? "pass" : "fail")
        .append("\">").append(sweep.overAccepted().size()).append(" lifted that QEMU rejects</span></p>\n");
    if (!sweep.missing().isEmpty()) {
      html.append("<table>\n<tr><th>not lifted yet (LLVM's mnemonic)</th><th>words</th><th>example</th></tr>\n");
      for (ValidSetSweep.Missing m : sweep.missing()) {
        html.append("<tr><td class=\"program\">").append(escape(m.mnemonic())).append("</td><td class=\"num\">")
            .append(m.words()).append("</td><td>").append(escape(m.example())).append("</td></tr>\n");
      }
      html.append("</table>\n");
    }
  }

  private static void appendProgram(StringBuilder html, ProgramReport program) {
    List<TargetRun> runs = program.runs();
    int rows = Math.max(1, runs.size());
    String verdict = program.verdict().name();
    html.append("<tr><td rowspan=\"").append(rows).append("\"><span class=\"program\">")
        .append(escape(program.name())).append("</span>");
    if (!program.args().isEmpty()) {
      html.append("<br><span class=\"detail\">args: ").append(escape(String.join(" ", program.args())))
          .append("</span>");
    }
    html.append("<br><span class=\"detail\">").append(escape(program.expectation())).append("</span>");
    if (program.timingRuns() > 0) {
      html.append("<br><span class=\"detail\">run times: medians of ").append(program.timingRuns())
          .append(" untraced runs, taken in turn (below each: the fastest and the slowest)</span>");
    }
    html.append("</td>")
        .append("<td rowspan=\"").append(rows).append("\" class=\"").append(verdict.toLowerCase(Locale.ROOT))
        .append("\">").append(verdict).append("</td>");
    if (runs.isEmpty()) {
      html.append("<td colspan=\"").append(COLUMNS - 2).append("\">no runs</td></tr>\n");
    }
    long qemuMillis = runs.stream().filter(run -> run.target().equals(QEMU)).mapToLong(TargetRun::wallMillis)
        .findFirst().orElse(0);
    for (int i = 0; i < runs.size(); i++) {
      if (i > 0) {
        html.append("<tr>");
      }
      appendRun(html, runs.get(i), qemuMillis);
    }
    if (!program.differences().isEmpty()) {
      html.append("<tr class=\"differences\"><td colspan=\"").append(COLUMNS).append("\"><ul>");
      for (String difference : program.differences()) {
        html.append("<li>").append(escape(difference)).append("</li>");
      }
      html.append("</ul></td></tr>\n");
    }
  }

  private static void appendRun(StringBuilder html, TargetRun run, long qemuMillis) {
    boolean oracle = run.target().equals(QEMU);
    html.append("<td>").append(escape(run.target())).append("</td>")
        .append("<td class=\"num\">").append(run.exitStatus())
        .append(run.signal() == null ? "" : " (" + escape(run.signal()) + ")").append("</td>")
        .append(check(run.stdoutMatches())).append(check(run.stderrMatches())).append(check(run.syscallsMatch()))
        .append("<td class=\"num\">").append(run.syscallCount())
        .append(run.unemulatedSyscalls().isEmpty() ? ""
            : " (ENOSYS: " + escape(String.join(", ", run.unemulatedSyscalls())) + ")")
        .append("</td>")
        .append("<td class=\"num\">").append(oracle ? "" : run.translateMillis() + " ms").append("</td>")
        .append("<td class=\"num\">").append(run.wallMillis()).append(" ms").append(spread(run.timedMillis()))
        .append("</td>")
        .append("<td class=\"num\">").append(oracle ? "" : ratio(run.wallMillis(), qemuMillis)).append("</td>")
        .append("</tr>\n");
  }

  /** The fastest and slowest of the timing runs, which show how much the median can move from run to run. */
  private static String spread(List<Long> timedMillis) {
    return timedMillis.size() < 2 ? ""
        : "<br><span class=\"detail\">" + timedMillis.get(0) + "&#x2013;" + timedMillis.get(timedMillis.size() - 1)
            + " ms</span>";
  }

  private static String check(boolean matches) {
    return matches ? "<td class=\"yes\">&#x2713;</td>" : "<td class=\"no\">&#x2717;</td>";
  }

  /** The run time as a multiple of QEMU's, with a bar (full width at 2x) for a quick visual comparison. */
  private static String ratio(long millis, long qemuMillis) {
    if (qemuMillis <= 0) {
      return "";
    }
    double ratio = (double) millis / qemuMillis;
    int width = (int) Math.round(Math.min(ratio, 2.0) * 50);
    return "<span class=\"bar\" style=\"width:" + width + "px\"></span>"
        + String.format(Locale.ROOT, "%.2f&#xd7;", ratio);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
