package elfconv.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QEMU in a container must do exactly what the local QEMU does (needs a running Docker daemon). */
class ContainerOracleTest {
  @TempDir Path dir;

  @Test
  void agreesWithTheLocalOracle() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "hello", QemuOracleTest.HELLO);
    GuestRun guest = GuestRun.of(elf, List.of("a"), dir).withArgv0("./hello");

    RunResult local = new QemuOracle(Duration.ofSeconds(30)).run(guest, true);
    RunResult container = new ContainerOracle(Duration.ofMinutes(2)).run(guest, true);

    assertEquals(3, container.exitStatus());
    assertEquals(local.exitStatus(), container.exitStatus());
    assertArrayEquals(local.stdout(), container.stdout());
    assertArrayEquals(local.stderr(), container.stderr());
    assertEquals(SyscallTrace.normalise(local.syscalls()), SyscallTrace.normalise(container.syscalls()));
  }

  /** Reads up to 64 bytes of stdin once, writes them back and exits with their count. */
  @Test
  void givesTheGuestItsStandardInput() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "echo_stdin", GuestAssembler.program("""
        mov x0, #0
        adr x1, buffer
        mov x2, #64
        mov x8, #63
        svc #0
        mov x19, x0
        mov x2, x0
        mov x0, #1
        adr x1, buffer
        mov x8, #64
        svc #0
        mov x0, x19
        mov x8, #94
        svc #0
        """, """
          .data
        buffer:
          .skip 64
        """));
    GuestRun guest = GuestRun.of(elf, List.of(), dir).withStdin("from the host\n".getBytes());

    RunResult container = new ContainerOracle(Duration.ofMinutes(2)).run(guest, false);

    assertEquals(14, container.exitStatus());
    assertEquals("from the host\n", container.stdoutText());
  }

  @Test
  void reportsDeathBySignal() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "segv", GuestAssembler.program("""
        mov x0, #0
        ldr x1, [x0]
        """, ""));

    RunResult container = new ContainerOracle(Duration.ofMinutes(2)).run(GuestRun.of(elf, List.of(), dir), false);

    assertEquals(139, container.exitStatus());
    assertEquals("SIGSEGV", container.signal());
    assertEquals("", container.stderrText(), "QEMU's own report is not the guest's output");
  }
}
