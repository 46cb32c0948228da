package elfconv.oracle;

import java.time.Duration;

/**
 * Runs AArch64 guests under QEMU: the reference every translation is compared with. {@code -Delfconv.oracle}
 * chooses the backend: {@code local} (the default, {@link QemuOracle}) or {@code container}
 * ({@link ContainerOracle}: QEMU in a Docker container).
 */
public interface Oracle {
  /** Runs the guest; with {@code traceSyscalls} the result lists its syscalls, and the guest sees fd 3 in use. */
  RunResult run(GuestRun guest, boolean traceSyscalls);

  /** The path under which the guest sees its working directory {@code hostWorkDir} (paths in its trace). */
  default java.nio.file.Path guestWorkDir(java.nio.file.Path hostWorkDir) {
    return hostWorkDir;
  }

  /** The backend {@code -Delfconv.oracle} names. */
  static Oracle configured(Duration timeLimit) {
    String backend = System.getProperty("elfconv.oracle", "local");
    return switch (backend) {
      case "local" -> new QemuOracle(timeLimit);
      case "container" -> new ContainerOracle(timeLimit);
      default -> throw new IllegalArgumentException("-Delfconv.oracle=" + backend + ": use local or container");
    };
  }
}
