package elfconv.oracle;

/** Linux signal names (x86_64 and AArch64 number them alike) and the shell's 128 + n exit-status convention. */
final class Signals {
  private static final String[] NAMES = {
    null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
    "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
    "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
    "SIGSYS"
  };
  private static final int SIGRTMIN = 34;
  private static final int SIGRTMAX = 64;

  private Signals() {}

  /**
   * Java reports death by signal n as 128 + n, as shells do; some APIs report it as -n. Both become 128 + n.
   */
  static int shellStatus(int exitValue) {
    return exitValue < 0 ? 128 - exitValue : exitValue;
  }

  /**
   * The signal a shell-style status stands for, or null. Like a shell, this cannot tell death by signal n from
   * {@code exit(128 + n)}: Java's Process API reports both alike.
   */
  static String nameOfStatus(int status) {
    int signal = status - 128;
    if (signal >= 1 && signal < NAMES.length) {
      return NAMES[signal];
    }
    if (signal >= SIGRTMIN && signal <= SIGRTMAX) {
      return signal == SIGRTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (signal - SIGRTMIN);
    }
    return null;
  }
}
