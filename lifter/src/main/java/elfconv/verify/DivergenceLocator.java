package elfconv.verify;

import elfconv.a64.A64Decoder;
import elfconv.codegen.Compiler;
import elfconv.elf.ElfImage;
import elfconv.lift.Discovery;
import elfconv.lift.GuestFunction;
import elfconv.oracle.Environment;
import elfconv.oracle.ProcessRunner;
import elfconv.oracle.QemuOracle;
import elfconv.oracle.RegisterTrace.Step;
import elfconv.oracle.RegisterTrace;
import elfconv.run.TranslatedRun;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the first guest instruction after which a translation's registers part from QEMU's: the program is
 * translated again with register tracing, both runs log the register file before every instruction in QEMU's
 * {@code -d cpu} format, and the two logs are walked side by side.
 */
public final class DivergenceLocator {
  /** Records compared at most (the runtime stops logging there, and QEMU's log is cut at the same size). */
  static final int LIMIT = 300_000;
  private static final long LOG_KIB = 400_000; // about 600 bytes a record
  private static final long STACK_REACH = 16L << 20;
  private static final Duration TIME_LIMIT = Duration.ofMinutes(5);
  /** Larger programs take too long to translate with a trace call before every instruction. */
  static final int TRACEABLE_INSTRUCTIONS = 200_000;

  private DivergenceLocator() {}

  /**
   * One line: where the translation first differs, that it does not within the compared instructions, or why the
   * traced runs could not be made (the divergence itself is reported by the caller either way).
   */
  public static String locate(ProgramSpec spec, Target target, Path dir) {
    try {
      return traceAndCompare(spec, target, dir);
    } catch (RuntimeException e) {
      return "the first divergent instruction could not be located: " + e.getMessage();
    }
  }

  private static String traceAndCompare(ProgramSpec spec, Target target, Path dir) {
    ElfImage image = ElfImage.read(spec.elf());
    int instructions = Discovery.discover(image, A64Decoder.standard()).stream()
        .mapToInt(GuestFunction::instructionCount).sum();
    if (instructions > TRACEABLE_INSTRUCTIONS) {
      return String.format("the first divergent instruction was not located: %,d instructions are more than a "
          + "register-traced translation takes (%,d)", instructions, TRACEABLE_INSTRUCTIONS);
    }
    try {
      Files.createDirectories(dir);
      Path qemuLog = dir.resolve("qemu-registers.log");
      // Both run in one directory, as the verifier's runs do; the program and its log lie beside it.
      Path runDir = dir.resolve(Verifier.RUN_DIR);
      new QemuOracle(TIME_LIMIT).runWithRegisterLog(Verifier.guestRun(spec, Verifier.freshDir(runDir)), qemuLog,
          LOG_KIB);
      Path program = Files.createDirectories(dir.resolve(target.id())).resolve(spec.fileName());
      // At -O 0: the trace calls before every instruction make optimising slow, and change nothing it logs.
      Compiler.compile(spec.elf(), program, new Compiler.Options(target, 0, target.defaultWindowSize(), false, true));
      Path log = dir.resolve(target.id() + "-registers.log").toAbsolutePath();
      Files.deleteIfExists(log);
      List<String> argv = new ArrayList<>(List.of(spec.argv0()));
      argv.addAll(spec.args());
      Environment environment = spec.environment().with("ELFCONV_REGTRACE", log.toString());
      if (target == Target.X86_64) {
        List<String> limited = new ArrayList<>(List.of("prlimit", "--fsize=" + LOG_KIB * 1024,
            program.toAbsolutePath().toString()));
        limited.addAll(spec.args());
        new ProcessRunner(TIME_LIMIT).run(limited, environment.with("PWD", runDir.toAbsolutePath().toString())
            .with("ELFCONV_ARGV0", spec.argv0()), Verifier.freshDir(runDir), spec.stdinBytes());
      } else {
        TranslatedRun.run(target, program, argv, environment, Verifier.freshDir(runDir), spec.stdinBytes(),
            TIME_LIMIT);
      }
      return compare(image, RegisterTrace.read(qemuLog, LIMIT),
          RegisterTrace.read(log, LIMIT), target.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String compare(ElfImage image, List<Step> qemu, List<Step> translated, String target) {
    if (qemu.isEmpty() || translated.isEmpty()) {
      return "no register log to compare (" + (qemu.isEmpty() ? "qemu" : target) + " logged nothing)";
    }
    long qemuStack = qemu.get(0).sp();
    long ourStack = translated.get(0).sp();
    // QEMU starts a process with Z set, Linux with NZCV clear: flags compare once either side has changed them.
    int qemuFlags = qemu.get(0).nzcv();
    int ourFlags = translated.get(0).nzcv();
    int steps = Math.min(qemu.size(), translated.size());
    for (int i = 0; i < steps; i++) {
      Step q = qemu.get(i);
      Step t = translated.get(i);
      String after = i == 0 ? "at the entry point" : "after " + describe(image, qemu.get(i - 1).pc());
      if (q.pc() != t.pc()) {
        return String.format("first divergence at instruction %d, %s: qemu goes on at 0x%x, %s at 0x%x", i, after,
            q.pc(), target, t.pc());
      }
      List<String> registers = new ArrayList<>();
      for (int r = 0; r < 31; r++) {
        if (q.x()[r] != t.x()[r] && normalise(q.x()[r], qemuStack) != normalise(t.x()[r], ourStack)) {
          registers.add(String.format("x%d = 0x%x, qemu 0x%x", r, t.x()[r], q.x()[r]));
        }
      }
      if (normalise(q.sp(), qemuStack) != normalise(t.sp(), ourStack)) {
        registers.add(String.format("sp = initial%+d, qemu initial%+d", t.sp() - ourStack, q.sp() - qemuStack));
      }
      boolean flagsSet = q.nzcv() != qemuFlags || t.nzcv() != ourFlags;
      if (flagsSet && q.nzcv() != t.nzcv()) {
        registers.add(String.format("nzcv = %x, qemu %x", t.nzcv(), q.nzcv()));
      }
      if (!registers.isEmpty()) {
        return String.format("first divergence at instruction %d, %s: %s", i, after, String.join(", ", registers));
      }
      if (flagsSet) {
        qemuFlags = -1;
        ourFlags = -1;
      }
    }
    return "registers agree with qemu for the first " + steps + " instructions (as far as both logs go)";
  }

  /**
   * Addresses below the initial stack pointer compare by their offset from it: the stacks lie elsewhere. Those
   * above it point into the start-up block (argument, environment and auxv strings), whose layout differs with
   * the environment and the executable's path, so any two compare equal.
   */
  private static long normalise(long value, long initialSp) {
    if (value >= initialSp && value - initialSp < STACK_REACH) {
      return Long.MIN_VALUE;
    }
    return Math.abs(value - initialSp) < STACK_REACH ? value - initialSp + Long.MIN_VALUE : value;
  }

  private static String describe(ElfImage image, long pc) {
    if (!image.isCode(pc)) {
      return String.format("0x%x", pc);
    }
    int word = image.word(pc);
    String text = A64Decoder.standard().disassemble(pc, word);
    return String.format("0x%x (%s)", pc, text == null ? String.format(".inst 0x%08x", word) : text);
  }
}
