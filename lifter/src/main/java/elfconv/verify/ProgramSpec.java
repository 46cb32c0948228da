package elfconv.verify;

import elfconv.oracle.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A program to verify: one run of an ELF with given arguments and standard input.
 *
 * @param name what the run is called in reports (several runs of one ELF, such as busybox applets, have different
 *     names)
 * @param expectedError null when every target must agree with QEMU; otherwise a regular expression the translated
 *     targets' stderr must contain, because the program does something translation cannot follow (the runtime
 *     then exits with status 126)
 * @param stdin file whose bytes every run gets as standard input; null for empty standard input
 * @param timingRuns for a benchmark: after verification, QEMU and every target run this many more times in turn,
 *     without tracing, and the report gives the median times; 0 to report the verification runs' times
 * @param environment every run's envp, in this order (PWD set to the run's directory in its place)
 */
public record ProgramSpec(String name, Path elf, List<String> args, String expectedError, Path stdin,
    int timingRuns, Environment environment) {
  public ProgramSpec(String name, Path elf, List<String> args, String expectedError) {
    this(name, elf, args, expectedError, null);
  }

  public ProgramSpec(String name, Path elf, List<String> args, String expectedError, Path stdin) {
    this(name, elf, args, expectedError, stdin, 0);
  }

  /** Runs in the environment this process's user gives a program ({@link Environment#forGuest}). */
  public ProgramSpec(String name, Path elf, List<String> args, String expectedError, Path stdin, int timingRuns) {
    this(name, elf, args, expectedError, stdin, timingRuns, Environment.forGuest());
  }

  public ProgramSpec withEnvironment(Environment newEnvironment) {
    return new ProgramSpec(name, elf, args, expectedError, stdin, timingRuns, newEnvironment);
  }

  /** The same run of the same ELF's copy at {@code copy}, a file of the same name. */
  public ProgramSpec withElf(Path copy) {
    return new ProgramSpec(name, copy, args, expectedError, stdin, timingRuns, environment);
  }

  /** The ELF's file name: argv[0] is {@code ./FILE} in every run, so a multi-call binary picks the same applet. */
  public String fileName() {
    return elf.getFileName().toString();
  }

  public String argv0() {
    return "./" + fileName();
  }

  public byte[] stdinBytes() {
    try {
      return stdin == null ? new byte[0] : Files.readAllBytes(stdin);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the standard input of " + name + " from " + stdin, e);
    }
  }
}
