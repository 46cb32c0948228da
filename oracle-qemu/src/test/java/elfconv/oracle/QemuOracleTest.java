package elfconv.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuOracleTest {
  static final String HELLO = GuestAssembler.program("""
        mov x0, #1
        adr x1, out
        mov x2, #6
        mov x8, #64
        svc #0
        mov x0, #2
        adr x1, err
        mov x2, #4
        mov x8, #64
        svc #0
        mov x0, #3
        mov x8, #94
        svc #0
      """, """
      out: .ascii "hello\\n"
      err: .ascii "err\\n"
      """);

  @TempDir Path dir;
  private final QemuOracle oracle = new QemuOracle(Duration.ofSeconds(30));

  @Test
  void separatesStdoutStderrAndExitStatus() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "hello", HELLO);

    RunResult result = oracle.run(GuestRun.of(elf, List.of(), dir), false);

    assertEquals(3, result.exitStatus());
    assertNull(result.signal());
    assertEquals("hello\n", result.stdoutText());
    assertEquals("err\n", result.stderrText());
    assertEquals(List.of(), result.syscalls());
  }

  @Test
  void tracesSyscalls() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "hello", HELLO);

    RunResult result = oracle.run(GuestRun.of(elf, List.of(), dir), true);

    assertEquals(List.of("write(1,6) = 6", "write(2,4) = 4", "exit_group(3)"),
        SyscallTrace.normalise(result.syscalls()));
    assertEquals("hello\n", result.stdoutText());
    assertEquals("err\n", result.stderrText(), "the trace must not reach the guest's stderr");
  }

  @Test
  void guestKilledBySegfaultKeepsItsOwnStderrOnly() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "segv", GuestAssembler.program("""
          mov x0, #2
          adr x1, msg
          mov x2, #7
          mov x8, #64
          svc #0
          mov x0, #0
          ldr x1, [x0]
          mov x8, #94
          svc #0
        """, "msg: .ascii \"before\\n\"\n"));

    RunResult result = oracle.run(GuestRun.of(elf, List.of(), dir), true);

    assertEquals(128 + 11, result.exitStatus());
    assertEquals("SIGSEGV", result.signal());
    assertEquals("before\n", result.stderrText());
    assertEquals(List.of("write(2,7) = 7"), SyscallTrace.normalise(result.syscalls()));
  }

  @Test
  void passesArgv0ArgumentsAndStdin() throws IOException {
    // Writes every argv string and then stdin, each followed by a newline; exits with argc.
    Path elf = GuestAssembler.assemble(dir, "echo", GuestAssembler.program("""
          ldr x19, [sp]
          add x20, sp, #8
          mov x21, x19
        next_arg:
          cbz x21, copy_stdin
          ldr x1, [x20], #8
          mov x2, #0
        strlen:
          ldrb w3, [x1, x2]
          cbz w3, print
          add x2, x2, #1
          b strlen
        print:
          mov x0, #1
          mov x8, #64
          svc #0
          bl newline
          sub x21, x21, #1
          b next_arg
        copy_stdin:
          mov x0, #0
          adr x1, buffer
          mov x2, #64
          mov x8, #63
          svc #0
          mov x2, x0
          mov x0, #1
          adr x1, buffer
          mov x8, #64
          svc #0
          bl newline
          mov x0, x19
          mov x8, #94
          svc #0
        newline:
          mov x0, #1
          adr x1, nl
          mov x2, #1
          mov x8, #64
          svc #0
          ret
        """, """
        nl: .ascii "\\n"
          .data
        buffer: .space 64
        """));
    GuestRun run = GuestRun.of(elf, List.of("one", "two words", ""), dir)
        .withArgv0("prog")
        .withStdin("from stdin".getBytes(StandardCharsets.UTF_8));

    RunResult result = oracle.run(run, false);

    assertEquals("prog\none\ntwo words\n\nfrom stdin\n", result.stdoutText());
    assertEquals(4, result.exitStatus());
  }

  @Test
  void tracedGuestSeesTheLogAsFd3() throws IOException {
    // exit(dup(0)): the lowest free descriptor.
    Path elf = GuestAssembler.assemble(dir, "dup", GuestAssembler.program("""
          mov x0, #0
          mov x8, #23
          svc #0
          mov x8, #94
          svc #0
        """, ""));

    assertEquals(3, oracle.run(GuestRun.of(elf, List.of(), dir), false).exitStatus());
    assertEquals(4, oracle.run(GuestRun.of(elf, List.of(), dir), true).exitStatus());
  }

  @Test
  void killsAGuestThatHangs() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "hang", GuestAssembler.program("  b .\n", ""));
    QemuOracle impatient = new QemuOracle(Duration.ofMillis(500));

    ProcessException e = assertThrows(ProcessException.class,
        () -> impatient.run(GuestRun.of(elf, List.of(), dir), false));

    assertTrue(e.getMessage().contains("did not finish within 500 ms"), e.getMessage());
  }

  @Test
  void missingQemuSaysWhatToInstall() {
    ProcessException e = assertThrows(ProcessException.class,
        () -> new QemuOracle(Path.of("/nonexistent/qemu-aarch64"), Duration.ofSeconds(1)));

    assertTrue(e.getMessage().contains("install qemu-user"), e.getMessage());
  }

  @Test
  void missingElfIsNamed() {
    ProcessException e = assertThrows(ProcessException.class,
        () -> oracle.run(GuestRun.of(dir.resolve("absent"), List.of(), dir), false));

    assertTrue(e.getMessage().contains("absent"), e.getMessage());
  }

  @Test
  void guestOutputIsKeptByteForByte() throws IOException {
    Path elf = GuestAssembler.assemble(dir, "bytes", GuestAssembler.program("""
          mov x0, #1
          adr x1, bytes
          mov x2, #4
          mov x8, #64
          svc #0
          mov x0, #0
          mov x8, #94
          svc #0
        """, "bytes: .byte 0xff, 0x00, 0x0a, 0x80\n"));

    RunResult result = oracle.run(GuestRun.of(elf, List.of(), dir), false);

    assertArrayEquals(new byte[] {(byte) 0xff, 0, '\n', (byte) 0x80}, result.stdout());
  }
}
