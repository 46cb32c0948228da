package elfconv.oracle;

import java.util.List;

/**
 * One syscall as a trace shows it.
 *
 * @param args the arguments as the trace printed them (QEMU prints some symbolically: "AT_FDCWD", "NULL", "\"path\"")
 * @param result the value returned to the guest (negative errno on failure), or {@link #NO_RESULT} when the trace
 *     shows none: exit and exit_group never return, QEMU logs no result for syscalls it cannot name, and a process
 *     killed inside a syscall never finishes its line
 */
public record SyscallRecord(String name, List<String> args, long result) {
  public static final long NO_RESULT = Long.MIN_VALUE;

  /** Name of the record standing for a trace line that could not be read; its only argument is the line. */
  public static final String UNPARSED = "unparsed";

  public SyscallRecord {
    args = List.copyOf(args);
  }

  public boolean hasResult() {
    return result != NO_RESULT;
  }

  /** Linux returns -4095..-1 for errors. */
  public boolean failed() {
    return hasResult() && result < 0 && result >= -4095;
  }
}
