package elfconv.oracle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host process (QEMU, a translated x86_64 executable) to completion with given arguments, environment,
 * working directory and stdin, capturing stdout and stderr separately. The JDK's
 * ProcessBuilder passes every argument exactly as given; commons-exec's CommandLine trims them (busybox
 * {@code cut -d ' '} got an empty delimiter).
 */
public final class ProcessRunner {
  /** Threads that feed stdin and drain stdout and stderr while a process runs. */
  private static final ExecutorService STREAMS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "elfconv-process-streams");
    thread.setDaemon(true);
    return thread;
  });

  private final Duration timeLimit;

  public ProcessRunner(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  /**
   * @param command the executable followed by its arguments, passed on exactly as given (no quoting, no splitting)
   * @param environment the process's whole environment, in this order (started through {@code env -i}, since the
   *     JDK passes its environment map in no particular order)
   * @throws ProcessException when the executable cannot be started, or runs longer than the time limit (it is then
   *     killed with its descendants)
   */
  public RunResult run(List<String> command, Environment environment, Path workDir, byte[] stdin) {
    if (command.get(0).indexOf('=') >= 0) {
      throw new ProcessException("cannot run " + command.get(0) + ": env(1) would take a program whose path has '=' "
          + "for a variable; move it to a folder without '='");
    }
    ProcessBuilder builder = builder(command, environment).directory(workDir.toFile());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ProcessException("cannot run " + command.get(0) + " in " + workDir + ": " + e.getMessage());
    }
    Future<byte[]> stdout = STREAMS.submit(() -> process.getInputStream().readAllBytes());
    Future<byte[]> stderr = STREAMS.submit(() -> process.getErrorStream().readAllBytes());
    STREAMS.execute(() -> feed(process, stdin));
    try {
      if (!process.waitFor(timeLimit.toNanos(), TimeUnit.NANOSECONDS)) {
        kill(process);
        throw new ProcessException(String.join(" ", command) + " did not finish within " + timeLimit.toMillis()
            + " ms and was killed");
      }
      long wallNanos = System.nanoTime() - start;
      int status = Signals.shellStatus(process.exitValue());
      if (status == ENV_CANNOT_RUN && startsWith(stderr.get(), ENV_MESSAGE)) {
        throw new ProcessException("cannot run " + command.get(0) + " in " + workDir + ": "
            + new String(stderr.get(), StandardCharsets.UTF_8).substring(ENV_MESSAGE.length()).strip());
      }
      return new RunResult(status, Signals.nameOfStatus(status), stdout.get(), stderr.get(), List.of(), wallNanos);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new ProcessException("interrupted while running " + command.get(0));
    } catch (ExecutionException e) {
      throw new ProcessException("cannot read the output of " + command.get(0) + ": " + e.getCause().getMessage());
    }
  }

  /**
   * A process builder for {@code command} whose process gets exactly {@code environment}, in order, whatever this
   * process's own: it starts {@code env -i NAME=VALUE... command}.
   */
  public static ProcessBuilder builder(List<String> command, Environment environment) {
    if (command.get(0).indexOf('=') >= 0) {
      throw new ProcessException("cannot run " + command.get(0) + ": env(1) would take a program whose path has '=' "
          + "for a variable; move it to a folder without '='");
    }
    List<String> line = new ArrayList<>(List.of("/usr/bin/env", "-i", "--"));
    line.addAll(environment.entries());
    line.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().clear();
    builder.environment().put("LC_ALL", "C"); // env's own messages in plain ASCII
    return builder;
  }

  /** env(1) exits with 127 after its message when it cannot start the program. */
  private static final int ENV_CANNOT_RUN = 127;
  private static final String ENV_MESSAGE = "/usr/bin/env: ";

  private static boolean startsWith(byte[] bytes, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= p.length && Arrays.equals(bytes, 0, p.length, p, 0, p.length);
  }

  /** Writes stdin and closes it, as a shell's pipe would; a process may exit before it has read everything. */
  private static void feed(Process process, byte[] stdin) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin);
    } catch (IOException closedByTheProcess) {
      // the rest of stdin is not wanted
    }
  }

  /**
   * SIGKILL: SIGTERM would reach the guest, which may catch or ignore it. The descendants are found while the
   * parent still holds them (orphans are re-parented out of reach), then the parent dies first, so that it cannot
   * start another child while its current ones die.
   */
  private static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    for (ProcessHandle descendant : descendants) {
      descendant.descendants().forEach(ProcessHandle::destroyForcibly);
      descendant.destroyForcibly();
    }
  }
}
