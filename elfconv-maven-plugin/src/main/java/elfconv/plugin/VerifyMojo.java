package elfconv.plugin;

import elfconv.report.ProgramReport;
import elfconv.report.ReportWriter;
import elfconv.report.TargetRun;
import elfconv.toolchain.Target;
import elfconv.verify.ProgramSpec;
import elfconv.verify.Verifier;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Verifies every ELF of the project: runs it under QEMU and translated for each target, compares what they did,
 * adds the results to the shared report and fails the build if any program fails.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends ElfconvMojo {
  /** Folder of the ELFs to verify (what {@code assemble} produces). */
  @Parameter(defaultValue = "${project.build.directory}/elf", required = true)
  private File elfDirectory;

  /**
   * Names of the programs to verify: an ELF in {@code elfDirectory}, or a case whose properties name its ELF
   * ({@code elf=}); default: every C and C++ program of {@code cBuild}, else every program assembled from
   * {@code asmDirectory} ({@code NAME.s}).
   */
  @Parameter
  private List<String> programs;

  /**
   * Verifies every C and C++ program of {@code propertiesDirectory} ({@code NAME.c}, {@code NAME.cpp}) as {@code compile-c} built it with
   * this suffix ({@code -O2}: {@code NAME-O2}), so that no program is left out.
   */
  @Parameter
  private String cBuild;

  /**
   * With {@code cBuild}: run every program from the multi-call ELF {@code compile-c} linked them into
   * ({@code MULTICALL + cBuild}), its name the first argument, so that all share one translation.
   */
  @Parameter
  private String multiCall;

  @Parameter(defaultValue = "${project.basedir}/src/main/asm", required = true)
  private File asmDirectory;

  /** Where {@code NAME.properties} files are looked up; default: {@code asmDirectory}. */
  @Parameter
  private File propertiesDirectory;

  /** Comma-separated targets: x86_64, wasm32. */
  @Parameter(property = "elfconv.targets", defaultValue = "x86_64,wasm32", required = true)
  private String targets;

  /** The translation's optimisation level, 0-3 (as {@code elfconv compile -O}). */
  @Parameter(property = "elfconv.optLevel", defaultValue = "2", required = true)
  private int optLevel;

  /** The report every module adds to (report.json and index.html). */
  @Parameter(property = "elfconv.reportDirectory",
      defaultValue = "${maven.multiModuleProjectDirectory}/target/elfconv-report", required = true)
  private File reportDirectory;

  /** Scratch space: translated programs and the folders they run in. */
  @Parameter(defaultValue = "${project.build.directory}/elfconv-verify", required = true)
  private File workDirectory;

  @Parameter(property = "elfconv.verify.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Verification skipped");
      return;
    }
    useConfiguredCache();
    List<Target> targetList = parseTargets();
    List<ProgramSpec> specs = loadSpecs();
    if (specs.isEmpty()) {
      getLog().warn(programs != null ? "The list of programs to verify is empty" : "No programs to verify in "
          + (cBuild != null ? propertiesDirectory : asmDirectory));
      return;
    }
    if (optLevel < 0 || optLevel > 3) {
      throw new MojoExecutionException("optLevel " + optLevel + ": use 0 to 3");
    }
    Verifier verifier = new Verifier(workDirectory.toPath(), targetList, optLevel);
    List<ProgramReport> reports = new ArrayList<>();
    for (ProgramSpec spec : specs) {
      ProgramReport report = verify(verifier, spec);
      log(report);
      reports.add(report);
    }
    try {
      ReportWriter.merge(reportDirectory.toPath(), reports);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the report to " + reportDirectory + ": " + e.getMessage(), e);
    }
    getLog().info("Report: " + new File(reportDirectory, ReportWriter.HTML_FILE));
    List<ProgramReport> failed = reports.stream().filter(r -> r.verdict() == ProgramReport.Verdict.FAIL).toList();
    if (!failed.isEmpty()) {
      throw new MojoFailureException(failureMessage(failed, reports.size()));
    }
  }

  private List<Target> parseTargets() throws MojoExecutionException {
    try {
      return Arrays.stream(targets.split(",")).map(String::strip).filter(t -> !t.isEmpty()).map(Target::of)
          .toList();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("targets: " + e.getMessage());
    }
  }

  private List<ProgramSpec> loadSpecs() throws MojoExecutionException, MojoFailureException {
    Path properties = (propertiesDirectory != null ? propertiesDirectory : asmDirectory).toPath();
    try {
      List<String> names = programs != null ? programs
          : cBuild != null ? compiledPrograms(properties, cBuild) : programsOf(asmDirectory.toPath(), ".s", "");
      List<ProgramSpec> specs = new ArrayList<>();
      for (String name : names) {
        ProgramSpec spec = ProgramSpecs.load(name, elfDirectory.toPath(), properties);
        specs.add(multiCall != null && cBuild != null
            ? ProgramSpecs.inMultiCall(spec, name.substring(0, name.length() - cBuild.length()),
                elfDirectory.toPath().resolve(multiCall + cBuild))
            : spec);
      }
      return specs;
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the programs to verify: " + e.getMessage(), e);
    }
  }

  /** {@code NAME + cBuild} for every C or C++ source {@code compile-c} builds from {@code dir}, sorted. */
  private static List<String> compiledPrograms(Path dir, String cBuild) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(CrossCompiler::programOf).filter(Objects::nonNull).map(name -> name + cBuild).sorted()
          .toList();
    }
  }

  /** {@code NAME + suffix} for every {@code NAME + extension} file of {@code dir}, sorted. */
  private static List<String> programsOf(Path dir, String extension, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(extension))
          .map(f -> f.substring(0, f.length() - extension.length()) + suffix).sorted().toList();
    }
  }

  /** A program whose verification stops (a hang, a missing tool) fails alone; the others still run. */
  private ProgramReport verify(Verifier verifier, ProgramSpec spec) {
    try {
      return verifier.verify(spec);
    } catch (RuntimeException e) {
      getLog().debug(e);
      String expectation = spec.expectedError() == null ? "agree with qemu"
          : "translated targets stop with /" + spec.expectedError() + "/";
      return new ProgramReport(spec.name(), spec.elf().toString(), spec.args(), expectation,
          ProgramReport.Verdict.FAIL, List.of(), List.of("verification stopped: " + e), 0);
    }
  }

  private void log(ProgramReport report) {
    if (report.runs().isEmpty()) {
      getLog().info(String.format("%s %s: %s", report.verdict(), report.name(), report.differences()));
    }
    for (TargetRun run : report.runs()) {
      getLog().info(String.format("%s %-20s %-7s exit %3d%s  stdout %s, stderr %s, syscalls %s (%d)  %s%d ms%s",
          report.verdict(), report.name(), run.target(), run.exitStatus(),
          run.signal() == null ? "" : " (" + run.signal() + ")", same(run.stdoutMatches()),
          same(run.stderrMatches()), same(run.syscallsMatch()), run.syscallCount(),
          run.target().equals("qemu") ? "" : "translated in " + run.translateMillis() + " ms, ran in ",
          run.wallMillis(), run.timedMillis().isEmpty() ? "" : String.format(" (median of %d runs, %d to %d ms)",
              run.timedMillis().size(), run.timedMillis().get(0), run.timedMillis().get(run.timedMillis().size() - 1))));
    }
  }

  private static String same(boolean matches) {
    return matches ? "same" : "DIFFERENT";
  }

  private static String failureMessage(List<ProgramReport> failed, int total) {
    StringBuilder message = new StringBuilder(failed.size() + " of " + total
        + " programs do not behave like they do under QEMU:");
    for (ProgramReport report : failed) {
      message.append("\n  ").append(report.name()).append(':');
      report.differences().forEach(difference -> message.append("\n    ").append(difference));
    }
    return message.toString();
  }
}
