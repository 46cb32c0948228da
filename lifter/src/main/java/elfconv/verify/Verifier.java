package elfconv.verify;

import elfconv.codegen.Compiler;
import elfconv.codegen.TranslationCache;
import elfconv.oracle.GuestRun;
import elfconv.oracle.Oracle;
import elfconv.oracle.RunResult;
import elfconv.oracle.SyscallTrace;
import elfconv.report.ProgramReport;
import elfconv.report.TargetRun;
import elfconv.run.TranslatedRun;
import elfconv.runtime.GuestLayout;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs a program under QEMU and as translated output for each target, and compares what they did: exit status,
 * stdout, stderr and the normalised syscall trace. Every run starts in the same emptied working directory, with
 * the same environment, standard input and argv[0] ({@code ./FILE}, the ELF's file name).
 */
public final class Verifier {
  private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
  /** The runtime's syscall trace, beside the run directory so that the guest does not see it. */
  private static final String TRACE_FILE = "strace.log";
  /**
   * Every run's working directory, emptied before each: QEMU's and each target's runs see the same current
   * directory, and PWD the same value, as runs from one shell would.
   */
  static final String RUN_DIR = "cwd";

  private final Path workDir;
  private final List<Target> targets;
  private final int optLevel;

  /** Translates at the default optimisation level. */
  public Verifier(Path workDir, List<Target> targets) {
    this(workDir, targets, new Compiler.Options(Target.X86_64).optLevel());
  }

  /** Translates at {@code optLevel} (0-3, as {@code elfconv compile -O}). */
  public Verifier(Path workDir, List<Target> targets, int optLevel) {
    this.workDir = workDir;
    this.targets = List.copyOf(targets);
    this.optLevel = optLevel;
  }

  public ProgramReport verify(ProgramSpec spec) {
    Path dir = workDir.resolve(spec.name());
    List<TargetRun> runs = new ArrayList<>();
    List<String> differences = new ArrayList<>();

    Path qemuDir = freshDir(dir.resolve(RUN_DIR));
    Oracle oracle = Oracle.configured(TIME_LIMIT);
    RunResult qemu = oracle.run(guestRun(besideTheTranslations(spec, dir), qemuDir), true);
    List<String> qemuTrace = SyscallTrace.normalise(qemu.syscalls(), oracle.guestWorkDir(qemuDir));
    runs.add(new TargetRun("qemu", qemu.exitStatus(), qemu.signal(), 0, millis(qemu.wallNanos()), true, true, true,
        qemu.syscalls().size()));

    Map<Target, Path> programs = new EnumMap<>(Target.class);
    for (Target target : targets) {
      // The program and its trace live beside the directory it runs in, as QEMU's ELF and log do.
      Path runDir = dir.resolve(RUN_DIR);
      Path output = freshDir(dir.resolve(target.id() + "-program")).resolve(spec.fileName());
      long translateMillis;
      try {
        long start = System.nanoTime();
        TranslationCache.translateTo(spec.elf(), output,
            new Compiler.Options(target, optLevel, target.defaultWindowSize(), false, false));
        translateMillis = millis(System.nanoTime() - start);
      } catch (RuntimeException e) {
        differences.add(target.id() + ": translation failed: " + e.getMessage());
        runs.add(new TargetRun(target.id(), -1, null, 0, 0, false, false, false, 0));
        continue;
      }
      programs.put(target, output);
      TranslatedRun run = run(target, output, spec, freshDir(runDir));
      RunResult result = withoutFaultDiagnostic(run.result());
      translateMillis += millis(run.engineCompileNanos());
      List<String> trace = SyscallTrace.normalise(result.syscalls(), runDir);
      boolean stdoutSame = Arrays.equals(qemu.stdout(), result.stdout());
      boolean stderrSame;
      boolean traceSame = qemuTrace.equals(trace);
      if (spec.expectedError() == null) {
        stderrSame = Arrays.equals(qemu.stderr(), result.stderr());
        compare(target, qemu, result, stdoutSame, stderrSame, differences);
        if (!traceSame) {
          differences.add(target.id() + ": syscall trace differs: "
              + SyscallTrace.firstDifference(qemuTrace, trace).map(Object::toString).orElse(""));
        }
      } else {
        // The program leaves translated code on purpose: the runtime must stop it cleanly, naming the address.
        stderrSame = Pattern.compile(spec.expectedError()).matcher(result.stderrText()).find();
        traceSame = true;
        if (!stderrSame || result.exitStatus() != GuestLayout.EXIT_UNTRANSLATED) {
          differences.add(String.format("%s: expected exit status %d and stderr matching /%s/, got status %d and "
              + "stderr %s", target.id(), GuestLayout.EXIT_UNTRANSLATED, spec.expectedError(), result.exitStatus(),
              excerpt(result.stderr())));
        }
      }
      // Where a target differs, say at which instruction its registers first part from QEMU's.
      if (spec.expectedError() == null && differences.stream().anyMatch(d -> d.startsWith(target.id() + ":"))) {
        differences.add(target.id() + ": " + DivergenceLocator.locate(spec, target, dir.resolve("trace")));
      }
      runs.add(new TargetRun(target.id(), result.exitStatus(), result.signal(), translateMillis,
          millis(result.wallNanos()), stdoutSame, stderrSame, traceSame, result.syscalls().size(),
          unemulated(result.syscalls())));
    }
    String expectation = spec.expectedError() == null ? "agree with qemu"
        : "translated targets stop with /" + spec.expectedError() + "/";
    int timingRuns = differences.isEmpty() ? spec.timingRuns() : 0;
    if (timingRuns > 0) {
      runs = timed(spec, oracle, programs, runs, dir.resolve("timing"));
    }
    return new ProgramReport(spec.name(), spec.elf().toString(), spec.args(), expectation,
        differences.isEmpty() ? ProgramReport.Verdict.PASS : ProgramReport.Verdict.FAIL, runs, differences,
        timingRuns);
  }

  /**
   * The runs with their times replaced by the medians of {@code spec.timingRuns()} more runs without tracing:
   * QEMU, then each target, in turn, so that a slow spell of the machine falls on all of them alike.
   */
  private static List<TargetRun> timed(ProgramSpec spec, Oracle oracle, Map<Target, Path> programs,
      List<TargetRun> runs, Path dir) {
    Map<String, List<Long>> times = new TreeMap<>();
    for (int i = 0; i < spec.timingRuns(); i++) {
      RunResult qemu = oracle.run(guestRun(spec, freshDir(dir.resolve(RUN_DIR))), false);
      times.computeIfAbsent("qemu", k -> new ArrayList<>()).add(millis(qemu.wallNanos()));
      programs.forEach((target, program) -> {
        List<String> argv = new ArrayList<>(List.of(spec.argv0()));
        argv.addAll(spec.args());
        RunResult r = TranslatedRun.run(target, program, argv, spec.environment(), freshDir(dir.resolve(RUN_DIR)),
            spec.stdinBytes(), TIME_LIMIT).result();
        times.computeIfAbsent(target.id(), k -> new ArrayList<>()).add(millis(r.wallNanos()));
      });
    }
    List<TargetRun> timed = new ArrayList<>();
    for (TargetRun run : runs) {
      List<Long> mine = times.get(run.target());
      timed.add(mine == null ? run : run.withTimes(mine));
    }
    return timed;
  }

  /**
   * A translated program that dies by a signal first says why on stderr ("elfconv: illegal instruction at ..."),
   * as QEMU does ("qemu: uncaught target signal ..."); QemuOracle drops QEMU's line, and this drops ours, so that
   * the guest's own output is what is compared.
   */
  private static RunResult withoutFaultDiagnostic(RunResult r) {
    byte[] err = r.stderr();
    int lastLine = err.length - 1;
    while (lastLine > 0 && err[lastLine - 1] != '\n') {
      lastLine--;
    }
    byte[] prefix = "elfconv: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    boolean diagnostic = r.exitStatus() > 128 && err.length > 0 && err[err.length - 1] == '\n'
        && Arrays.equals(err, lastLine, Math.min(err.length, lastLine + prefix.length), prefix, 0, prefix.length);
    return diagnostic ? new RunResult(r.exitStatus(), r.signal(), r.stdout(), Arrays.copyOf(err, lastLine),
        r.syscalls(), r.wallNanos()) : r;
  }

  private static void compare(Target target, RunResult qemu, RunResult result, boolean stdoutSame,
      boolean stderrSame, List<String> differences) {
    if (qemu.exitStatus() != result.exitStatus()) {
      differences.add(String.format("%s: exit status %d, qemu %d", target.id(), result.exitStatus(), qemu.exitStatus()));
    }
    if (!stdoutSame) {
      differences.add(target.id() + ": stdout differs: " + firstByteDifference(qemu.stdout(), result.stdout()));
    }
    if (!stderrSame) {
      differences.add(target.id() + ": stderr differs: " + firstByteDifference(qemu.stderr(), result.stderr()));
    }
  }

  /**
   * {@code spec} with its ELF copied to {@code dir/oracle-program/FILE}, a path as long as the translations'
   * ({@code dir/x86_64-program/FILE}, {@code dir/wasm32-program/FILE}). What readlink("/proc/self/exe") answers is
   * then as long under QEMU as translated, and so is what glibc's start-up allocates for the program's directory:
   * heap addresses, and what brk trims, stay the same.
   */
  private static ProgramSpec besideTheTranslations(ProgramSpec spec, Path dir) {
    Path copy = freshDir(dir.resolve("oracle-program")).resolve(spec.fileName());
    try {
      Files.copy(spec.elf(), copy, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + spec.elf() + " to " + copy + ": " + e.getMessage(), e);
    }
    return spec.withElf(copy);
  }

  /** The run of {@code spec} under QEMU, in {@code dir}. */
  static GuestRun guestRun(ProgramSpec spec, Path dir) {
    return GuestRun.of(spec.elf(), spec.args(), dir).withArgv0(spec.argv0()).withStdin(spec.stdinBytes())
        .withEnvironment(spec.environment());
  }

  /** A translated program's run, with the syscall trace its runtime wrote. */
  private TranslatedRun run(Target target, Path program, ProgramSpec spec, Path runDir) {
    List<String> argv = new ArrayList<>(List.of(spec.argv0()));
    argv.addAll(spec.args());
    Path trace = program.resolveSibling(TRACE_FILE).toAbsolutePath();
    TranslatedRun run = TranslatedRun.run(target, program, argv,
        spec.environment().with("ELFCONV_STRACE", trace.toString()), runDir, spec.stdinBytes(), TIME_LIMIT);
    RunResult r = run.result();
    try {
      return new TranslatedRun(new RunResult(r.exitStatus(), r.signal(), r.stdout(), r.stderr(), readTrace(trace),
          r.wallNanos()), run.engineCompileNanos());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<elfconv.oracle.SyscallRecord> readTrace(Path trace) throws IOException {
    return Files.exists(trace) ? SyscallTrace.parseElfconv(Files.readString(trace)) : List.of();
  }

  static Path freshDir(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  /** The syscalls the runtime answered with ENOSYS, each once. */
  static List<String> unemulated(List<elfconv.oracle.SyscallRecord> syscalls) {
    return syscalls.stream().filter(s -> s.result() == -ENOSYS).map(elfconv.oracle.SyscallRecord::name).distinct()
        .toList();
  }

  private static final long ENOSYS = 38;

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  static String firstByteDifference(byte[] expected, byte[] actual) {
    int i = Arrays.mismatch(expected, actual);
    return String.format("first difference at byte %d: qemu %s, translated %s", i, excerpt(slice(expected, i)),
        excerpt(slice(actual, i)));
  }

  private static byte[] slice(byte[] bytes, int from) {
    return Arrays.copyOfRange(bytes, Math.min(from, bytes.length), Math.min(bytes.length, from + 40));
  }

  private static String excerpt(byte[] bytes) {
    String s = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    s = s.length() > 200 ? s.substring(0, 200) + "..." : s;
    return "\"" + s.replace("\n", "\\n") + "\"";
  }
}
