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
 * @param timedMillis the wall times of the untraced timing runs, fastest first, whose median is wallMillis; empty
 *     when the program has none (wallMillis is then this run's own time)
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
    java.util.List<String> unemulatedSyscalls,
    java.util.List<Long> timedMillis) {

  public TargetRun {
    unemulatedSyscalls = java.util.List.copyOf(unemulatedSyscalls);
    timedMillis = java.util.List.copyOf(timedMillis);
  }

  /** A run without timing runs. */
  public TargetRun(String target, int exitStatus, String signal, long translateMillis, long wallMillis,
      boolean stdoutMatches, boolean stderrMatches, boolean syscallsMatch, int syscallCount,
      java.util.List<String> unemulatedSyscalls) {
    this(target, exitStatus, signal, translateMillis, wallMillis, stdoutMatches, stderrMatches, syscallsMatch,
        syscallCount, unemulatedSyscalls, java.util.List.of());
  }

  /** A run whose syscalls were all emulated (or not traced). */
  public TargetRun(String target, int exitStatus, String signal, long translateMillis, long wallMillis,
      boolean stdoutMatches, boolean stderrMatches, boolean syscallsMatch, int syscallCount) {
    this(target, exitStatus, signal, translateMillis, wallMillis, stdoutMatches, stderrMatches, syscallsMatch,
        syscallCount, java.util.List.of());
  }

  /** The same run timed by untraced runs: its run time becomes their median. */
  public TargetRun withTimes(java.util.List<Long> millis) {
    java.util.List<Long> sorted = millis.stream().sorted().toList();
    return new TargetRun(target, exitStatus, signal, translateMillis, sorted.get(sorted.size() / 2), stdoutMatches,
        stderrMatches, syscallsMatch, syscallCount, unemulatedSyscalls, sorted);
  }
}
