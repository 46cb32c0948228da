package elfconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instructions QEMU's cortex-a72 refuses at EL0 (here privileged system registers, which LLVM disassembles):
 * the program translates, one warning names them, and reaching one raises SIGILL as under QEMU.
 */
class PrivilegedInstructionTest {
  @TempDir
  Path dir;

  private record Run(int status, String stderr) {}

  private static Run run(String... args) {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Main.execute(args);
    } finally {
      System.setErr(originalErr);
    }
    return new Run(status, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void privilegedInstructionRaisesSigillAsUnderQemu() throws Exception {
    Path elf = TestPrograms.assemble(dir, "privileged", """
            .globl _start
            .type _start, %function
        _start:
            mov x0, #0
            .inst 0xd5381000 // mrs x0, sctlr_el1
            mov x8, #94
            svc #0
            .size _start, .-_start
        """, "-static", "-e", "_start");
    Run compile = run("compile", "--no-cache", "-o", dir.resolve("out").toString(), elf.toString());
    assertEquals(0, compile.status(), compile.stderr());
    assertTrue(compile.stderr().matches("(?s)elfconv: .*privileged: warning: 1 instruction that QEMU's cortex-a72 "
        + "refuses at EL0 raises SIGILL when reached, as under QEMU: first at 0x[0-9a-f]+: word 0xd5381000 "
        + "\\(LLVM: mrs x0, SCTLR_EL1\\) in function _start; by mnemonic: 1 mrs\n.*"), compile.stderr());
    Run verify = run("verify", elf.toString());
    assertEquals(0, verify.status(), "QEMU and both translations die by SIGILL there: " + verify.stderr());
  }

  /**
   * Every function's refused instructions are counted; code after one is not reached (it ends the program), as
   * after any instruction that raises a signal.
   */
  @Test
  void refusedInstructionsOfEveryFunctionAreCounted() throws Exception {
    Path elf = TestPrograms.assemble(dir, "system", """
            .globl _start
            .type _start, %function
        _start:
            mrs x0, sctlr_el1
            mrs x1, ttbr0_el1
            bl helper
            mov x8, #94
            svc #0
            .size _start, .-_start
            .type helper, %function
        helper:
            msr sctlr_el1, x0
            ret
            .size helper, .-helper
        """, "-static", "-e", "_start");
    Run compile = run("compile", "--no-cache", "-o", dir.resolve("out").toString(), elf.toString());
    assertEquals(0, compile.status(), compile.stderr());
    assertTrue(compile.stderr().contains("2 instructions that QEMU's cortex-a72 refuses at EL0 raise SIGILL when "
        + "reached, as under QEMU: first at"), compile.stderr());
    assertTrue(compile.stderr().contains("; by mnemonic: 1 mrs, 1 msr\n"), compile.stderr());
  }
}
