package elfconv.report;

/**
 * One execution of a program: under QEMU (target "qemu") or as translated output ("x86_64", "wasm32").
 *
 * @param exitStatus shell-style status: the exit code, or 128 + signal number when killed by a signal
 * @param signal the signal name when killed by one (for example "SIGSEGV"), else null
 * @param translateMillis time spent translating the ELF for this target (0 for qemu)
 * @param wallMillis wall time of the run itself
 * @param stdoutMatches stdout byte-identical to QEMU's (true for the qemu row)
 * @param stderrMatches stderr byte-identical to QEMU's, or to the expected runtime error
 * @param syscallsMatch normalised syscall trace identical to QEMU's
 * @param unemulatedSyscalls the syscalls that returned ENOSYS in this run (each name once, in order of first use):
 *     what the program asked for that the runtime does not emulate (clone, execve...)
 */
public record TargetRun(
    String target,
    int exitStatus,
    String signal,
    long translateMillis,
    long wallMillis,
    boolean stdoutMatches,
    boolean stderrMatches,
    boolean syscallsMatch,
    int syscallCount,
    java.util.List<String> unemulatedSyscalls) {

  public TargetRun {
    unemulatedSyscalls = java.util.List.copyOf(unemulatedSyscalls);
  }

  /** A run whose syscalls were all emulated (or not traced). */
  public TargetRun(String target, int exitStatus, String signal, long translateMillis, long wallMillis,
      boolean stdoutMatches, boolean stderrMatches, boolean syscallsMatch, int syscallCount) {
    this(target, exitStatus, signal, translateMillis, wallMillis, stdoutMatches, stderrMatches, syscallsMatch,
        syscallCount, java.util.List.of());
  }

  /** The same run with another run time (a median of timing runs). */
  public TargetRun withWallMillis(long millis) {
    return new TargetRun(target, exitStatus, signal, translateMillis, millis, stdoutMatches, stderrMatches,
        syscallsMatch, syscallCount, unemulatedSyscalls);
  }
}
