package elfconv.oracle;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * QEMU in a Docker container, through Testcontainers: the image is built {@code FROM scratch} with Debian's static
 * {@code qemu-aarch64-static} and a static busybox (no registry is needed), and each run is one container with the
 * guest's working directory mounted. The guest's stdout and stderr go to files: Docker's log stream is not
 * binary-safe; stdin comes from a file the same way. Testcontainers' Ryuk must be disabled ({@code TESTCONTAINERS_RYUK_DISABLED=true}) where its image
 * cannot be pulled; containers are removed after each run anyway.
 */
public final class ContainerOracle implements Oracle {
  private static final Path STATIC_QEMU = Path.of("/usr/bin/qemu-aarch64-static");
  private static final Path STATIC_BUSYBOX = Path.of("/bin/busybox");
  private static ImageFromDockerfile image;
  private final Duration timeLimit;

  public ContainerOracle(Duration timeLimit) {
    this.timeLimit = timeLimit;
  }

  private static synchronized ImageFromDockerfile image() {
    if (image == null) {
      if (!Files.isRegularFile(STATIC_QEMU) || !Files.isRegularFile(STATIC_BUSYBOX)) {
        throw new ProcessException(STATIC_QEMU + " or " + STATIC_BUSYBOX + " is missing: install qemu-user-static "
            + "and busybox-static (Debian/Ubuntu: apt-get install qemu-user-static busybox-static) for the "
            + "container oracle");
      }
      image = new ImageFromDockerfile("elfconv-qemu-oracle", false)
          .withFileFromPath("qemu-aarch64", STATIC_QEMU)
          .withFileFromPath("busybox", STATIC_BUSYBOX)
          .withFileFromString("Dockerfile", "FROM scratch\nCOPY qemu-aarch64 /qemu-aarch64\nCOPY busybox /busybox\n");
    }
    return image;
  }

  /** The working directory is mounted at /work in the container. */
  @Override
  public java.nio.file.Path guestWorkDir(java.nio.file.Path hostWorkDir) {
    return java.nio.file.Path.of("/work");
  }

  @Override
  public RunResult run(GuestRun guest, boolean traceSyscalls) {
    Path logDir = null;
    long start = System.nanoTime();
    try {
      logDir = Files.createTempDirectory("elfconv-container-");
      Files.write(logDir.resolve("stdin"), guest.stdin());
      List<String> command = new ArrayList<>(List.of("/busybox", "sh", "-c",
          "exec \"$@\" </log/stdin >/log/stdout 2>/log/stderr", "sh", "/busybox", "env", "-i", "--"));
      command.addAll(QemuOracle.hostEnvironment(guest.withEnvironment(guest.environment().with("PWD", "/work")))
          .entries());
      command.addAll(List.of("/qemu-aarch64", "-cpu", QemuOracle.CPU, "-0", guest.argv0()));
      if (traceSyscalls) {
        command.addAll(List.of("-d", "strace", "-D", "/log/strace"));
      }
      command.add("/guest/" + guest.elf().getFileName());
      command.addAll(guest.args());
      try (GenericContainer<?> container = new GenericContainer<>(image())
          .withFileSystemBind(guest.elf().getParent().toString(), "/guest", BindMode.READ_ONLY)
          .withFileSystemBind(guest.workDir().toAbsolutePath().toString(), "/work", BindMode.READ_WRITE)
          .withFileSystemBind(logDir.toString(), "/log", BindMode.READ_WRITE)
          .withWorkingDirectory("/work")
          // Not PID 1: QEMU ends itself with the guest's fatal signal, which PID 1 would not receive.
          .withCreateContainerCmdModifier(create -> create.getHostConfig().withInit(true))
          .withCommand(command.toArray(String[]::new))
          .withStartupCheckStrategy(new UntilExited().withTimeout(timeLimit))) {
        container.start();
        int status = container.getCurrentContainerInfo().getState().getExitCodeLong().intValue();
        RunResult raw = new RunResult(status, Signals.nameOfStatus(status), Files.readAllBytes(logDir.resolve("stdout")),
            Files.readAllBytes(logDir.resolve("stderr")), List.of(), System.nanoTime() - start);
        List<SyscallRecord> syscalls = traceSyscalls
            ? SyscallTrace.parseQemu(Files.readString(logDir.resolve("strace"), StandardCharsets.ISO_8859_1))
            : List.of();
        return new RunResult(raw.exitStatus(), raw.signal(), raw.stdout(), QemuOracle.guestStderr(raw), syscalls,
            raw.wallNanos());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (logDir != null) {
        try (var files = Files.walk(logDir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // A leftover temporary folder is harmless.
        }
      }
    }
  }

  /** Started means exited, with whatever status: the guest's exit status is the result, not a failure. */
  private static final class UntilExited extends StartupCheckStrategy {
    @Override
    public StartupStatus checkStartupState(DockerClient docker, String containerId) {
      return getCurrentState(docker, containerId).getRunning() ? StartupStatus.NOT_YET_KNOWN
          : StartupStatus.SUCCESSFUL;
    }
  }
}
