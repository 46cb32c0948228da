package elfconv.oracle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs a host process (QEMU, a translated x86_64 executable) to completion with given arguments, extra
 * environment variables, working directory and stdin, capturing stdout and stderr separately.
 */
public final class ProcessRunner {
  private final Duration timeLimit;

  public ProcessRunner(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  /**
   * @param command the executable followed by its arguments, passed on exactly as given (no quoting, no splitting)
   * @param extraEnv added to (or overriding) this JVM's environment
   * @throws ProcessException when the executable cannot be started, or runs longer than the time limit (it is then
   *     killed with its descendants)
   */
  public RunResult run(List<String> command, Map<String, String> extraEnv, Path workDir, byte[] stdin) {
    CommandLine commandLine = new CommandLine(command.get(0));
    for (String argument : command.subList(1, command.size())) {
      commandLine.addArgument(argument, false);
    }
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder()
        .setWorkingDirectory(workDir.toFile())
        .setExecuteStreamHandler(new PumpStreamHandler(stdout, stderr, new ByteArrayInputStream(stdin)))
        .get();
    executor.setExitValues(null); // every exit status is a result, not an error
    TimeLimit limit = new TimeLimit(timeLimit);
    executor.setProcessDestroyer(limit);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(extraEnv);

    long start = System.nanoTime();
    int exitValue;
    try {
      exitValue = executor.execute(commandLine, environment);
    } catch (IOException e) {
      throw new ProcessException("cannot run " + command.get(0) + " in " + workDir + ": " + e.getMessage());
    }
    long wallNanos = System.nanoTime() - start;
    if (limit.exceeded()) {
      throw new ProcessException(String.join(" ", command) + " did not finish within " + timeLimit.toMillis()
          + " ms and was killed");
    }
    int status = Signals.shellStatus(exitValue);
    return new RunResult(status, Signals.nameOfStatus(status), stdout.toByteArray(), stderr.toByteArray(),
        List.of(), wallNanos);
  }
}
