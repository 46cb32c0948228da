package elfconv.oracle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs AArch64 guests under {@code qemu-aarch64 -cpu cortex-a72}, the oracle every translation is compared with.
 *
 * <p>What QEMU 7.2 adds to a run, and what this class does about it:
 * <ul>
 *   <li>A guest killed by a core-dumping signal (SIGSEGV, SIGABRT, SIGILL, SIGBUS, SIGFPE...) makes QEMU print
 *       {@code qemu: uncaught target signal 11 (Segmentation fault) - core dumped} on stderr, then QEMU dies by the
 *       same signal. A native process prints nothing, so that last line is removed from stderr; the exit status
 *       (128 + n) keeps the fact. Signals that do not dump core (SIGTERM, SIGKILL...) print nothing.
 *   <li>Tracing: {@code -d strace -D FILE} writes a clean log, apart from the guest's stderr. QEMU keeps that file
 *       open as fd 3, so in a traced run the guest's first new descriptor is 4, not 3. A translated program run
 *       with its syscall trace on must hold fd 3 the same way (its trace file) for the two to compare. Untraced
 *       runs see the descriptors a native run would.
 * </ul>
 */
public final class QemuOracle implements Oracle {
  /** The guest CPU profile (DESIGN.md §5). */
  public static final String CPU = "cortex-a72";

  private static final Pattern UNCAUGHT_SIGNAL =
      Pattern.compile("qemu: uncaught target signal (\\d+) \\([^\\n]*\\) - [^\\n]*\\n\\z");

  private final Path qemu;
  private final ProcessRunner runner;

  /** Uses {@code -Delfconv.qemu=PATH} if set, else {@code qemu-aarch64} from the PATH. */
  public QemuOracle(Duration timeLimit) {
    this(locate(), timeLimit);
  }

  public QemuOracle(Path qemu, Duration timeLimit) {
    if (!Files.isExecutable(qemu)) {
      throw new ProcessException(qemu + " is not an executable qemu-aarch64: install qemu-user "
          + "(Debian/Ubuntu: apt-get install qemu-user) or point -Delfconv.qemu at qemu-aarch64");
    }
    this.qemu = qemu;
    this.runner = new ProcessRunner(timeLimit);
  }

  private static Path locate() {
    String configured = System.getProperty("elfconv.qemu");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "qemu-aarch64");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new ProcessException("qemu-aarch64 is not on the PATH: install qemu-user "
        + "(Debian/Ubuntu: apt-get install qemu-user) or point -Delfconv.qemu at qemu-aarch64");
  }

  /**
   * Runs the guest. With {@code traceSyscalls} the result lists its syscalls, and the guest sees fd 3 in use.
   *
   * @throws ProcessException when the ELF does not exist, QEMU cannot start, or the run exceeds the time limit
   */
  @Override
  public RunResult run(GuestRun guest, boolean traceSyscalls) {
    if (!Files.isRegularFile(guest.elf())) {
      throw new ProcessException("no such ELF file: " + guest.elf());
    }
    List<String> command = new ArrayList<>(List.of(qemu.toString(), "-cpu", CPU, "-0", guest.argv0()));
    Path log = null;
    try {
      if (traceSyscalls) {
        // Outside the guest's working directory, where the guest could see it.
        log = Files.createTempFile("elfconv-strace-", ".log");
        command.addAll(List.of("-d", "strace", "-D", log.toString()));
      }
      command.add(guest.elf().toString());
      command.addAll(guest.args());
      RunResult raw = runner.run(command, hostEnvironment(guest), guest.workDir(), guest.stdin());
      List<SyscallRecord> syscalls = traceSyscalls
          ? SyscallTrace.parseQemu(Files.readString(log, StandardCharsets.ISO_8859_1))
          : List.of();
      return new RunResult(raw.exitStatus(), raw.signal(), raw.stdout(), guestStderr(raw), syscalls,
          raw.wallNanos());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the QEMU strace log " + log, e);
    } finally {
      if (log != null) {
        log.toFile().delete();
      }
    }
  }

  /**
   * Runs the guest with QEMU logging the register file before every instruction ({@code -d cpu,nochain} with one
   * instruction per translation block) into {@code log}, in the format {@link RegisterTrace} reads. About 600
   * bytes go to the log per instruction, so the log is cut at {@code logKiB} KiB (QEMU then stops).
   */
  public RunResult runWithRegisterLog(GuestRun guest, Path log, long logKiB) {
    List<String> command = new ArrayList<>(List.of("prlimit", "--fsize=" + logKiB * 1024, qemu.toString(), "-cpu",
        CPU, "-0", guest.argv0(), "-d", "cpu,nochain", singleStepOption(), "-D", log.toString(),
        guest.elf().toString()));
    command.addAll(guest.args());
    RunResult raw = runner.run(command, hostEnvironment(guest), guest.workDir(), guest.stdin());
    return new RunResult(raw.exitStatus(), raw.signal(), raw.stdout(), guestStderr(raw), List.of(), raw.wallNanos());
  }

  /** What QEMU is given so that the guest sees its environment in order: QEMU passes it on last to first. */
  static Environment hostEnvironment(GuestRun guest) {
    return guest.guestEnvironment().reversed();
  }

  /** QEMU 8.1 renamed -singlestep to -one-insn-per-tb. */
  private String singleStepOption() {
    RunResult version = runner.run(List.of(qemu.toString(), "--version"), Environment.ofThisProcess(), Path.of("."),
        new byte[0]);
    Matcher m = java.util.regex.Pattern.compile("version (\\d+)\\.(\\d+)").matcher(version.stdoutText());
    boolean renamed = m.find() && (Integer.parseInt(m.group(1)) > 8
        || Integer.parseInt(m.group(1)) == 8 && Integer.parseInt(m.group(2)) >= 1);
    return renamed ? "-one-insn-per-tb" : "-singlestep";
  }

  /** stderr without QEMU's own "uncaught target signal" report, when that signal is what ended the run. */
  static byte[] guestStderr(RunResult raw) {
    String text = new String(raw.stderr(), StandardCharsets.ISO_8859_1); // one char per byte: offsets are bytes
    Matcher report = UNCAUGHT_SIGNAL.matcher(text);
    if (report.find() && raw.exitStatus() == 128 + Integer.parseInt(report.group(1))) {
      return Arrays.copyOf(raw.stderr(), report.start());
    }
    return raw.stderr();
  }
}
