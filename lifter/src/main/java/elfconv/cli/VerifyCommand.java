package elfconv.cli;

import elfconv.report.ProgramReport;
import elfconv.report.ReportWriter;
import elfconv.report.TargetRun;
import elfconv.toolchain.Target;
import elfconv.verify.DivergenceLocator;
import elfconv.verify.ProgramSpec;
import elfconv.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Run the ELF under QEMU and translated for each target; compare exit status, "
    + "stdout, stderr and syscalls. Exit status 0 iff all agree.")
final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--targets", defaultValue = "x86_64,wasm32", description = "default: ${DEFAULT-VALUE}")
  String targets;

  @Option(names = "--report", description = "also write report.json and index.html into this folder")
  Path reportDir;

  @Option(names = "--stdin", description = "file every run reads as standard input (default: empty)")
  Path stdin;

  @Option(names = "--trace-registers", description = "compare the register file before every instruction with "
      + "QEMU's even when all targets agree (a target that differs is always located)")
  boolean traceRegisters;

  @Parameters(index = "0", description = "statically linked AArch64 Linux ELF executable")
  Path input;

  @Parameters(index = "1..*", description = "guest arguments")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<Target> list = Arrays.stream(targets.split(",")).map(String::trim).map(Target::of).toList();
    Path work = Files.createTempDirectory("elfconv-verify-");
    String name = input.getFileName().toString();
    if (stdin != null && !Files.isRegularFile(stdin)) {
      throw new IllegalArgumentException("--stdin " + stdin + ": no such file");
    }
    ProgramSpec spec = new ProgramSpec(name, input.toAbsolutePath(), args, null, stdin);
    ProgramReport report = new Verifier(work, list).verify(spec);
    System.out.printf("%-8s %6s %-8s %-8s %-9s %10s %10s%n", "target", "status", "stdout", "stderr", "syscalls",
        "translate", "run");
    for (TargetRun r : report.runs()) {
      System.out.printf("%-8s %6d %-8s %-8s %-9s %8d ms %7d ms%n", r.target(), r.exitStatus(), mark(r.stdoutMatches()),
          mark(r.stderrMatches()), mark(r.syscallsMatch()) + " " + r.syscallCount(), r.translateMillis(),
          r.wallMillis());
    }
    report.runs().stream().filter(r -> !r.unemulatedSyscalls().isEmpty()).forEach(r -> System.out.println("  "
        + r.target() + ": not emulated (ENOSYS): " + String.join(", ", r.unemulatedSyscalls())));
    report.differences().forEach(d -> System.out.println("  " + d));
    if (traceRegisters && report.verdict() == ProgramReport.Verdict.PASS) {
      for (Target target : list) {
        System.out.println("  " + target.id() + ": " + DivergenceLocator.locate(spec, target,
            work.resolve("trace-" + target.id())));
      }
    }
    System.out.println(report.verdict() == ProgramReport.Verdict.PASS ? "PASS: all targets agree with qemu"
        : "FAIL: " + report.differences().size() + " difference(s)");
    if (reportDir != null) {
      ReportWriter.merge(reportDir, List.of(report));
    }
    return report.verdict() == ProgramReport.Verdict.PASS ? 0 : 1;
  }

  private static String mark(boolean same) {
    return same ? "same" : "DIFFERS";
  }
}
