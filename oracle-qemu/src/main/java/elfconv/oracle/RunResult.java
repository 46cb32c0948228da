package elfconv.oracle;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one process did. Compare outputs with {@code Arrays.equals}: a record compares arrays by identity.
 *
 * @param exitStatus shell-style status: the exit code, or 128 + signal number when killed by a signal
 * @param signal the signal's name (for example "SIGSEGV") when {@code exitStatus} is 128 + a signal number, else null
 * @param syscalls the syscalls it made, in order; empty when it was not traced
 * @param wallNanos wall time from start to exit
 */
public record RunResult(
    int exitStatus, String signal, byte[] stdout, byte[] stderr, List<SyscallRecord> syscalls, long wallNanos) {

  public RunResult {
    syscalls = List.copyOf(syscalls);
  }

  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }
}
