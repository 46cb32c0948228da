package elfconv.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceLocatorTest {
  @TempDir
  Path dir;

  /** The virtual counter reads the time, so right after it the registers of any two runs differ. */
  @Test
  void pointsAtTheFirstInstructionWhoseResultDiffers() throws Exception {
    Path elf = TestPrograms.assemble(dir, "clock", """
            .globl _start
            .type _start, %function
        _start:
            mov x1, #5
            add x2, x1, #1
            mrs x0, cntvct_el0
            add x3, x2, #1
            mov x0, #0
            mov x8, #94
            svc #0
            .size _start, .-_start
        """, "-static", "-e", "_start");
    for (Target target : Target.values()) {
      String found = DivergenceLocator.locate(new ProgramSpec("clock", elf, List.of(), null), target,
          dir.resolve("trace-" + target.id()));
      assertTrue(found.matches("first divergence at instruction 3, after 0x[0-9a-f]+ \\(mrs x0, CNTVCT_EL0\\): "
          + "x0 = 0x[0-9a-f]+, qemu 0x[0-9a-f]+"), target.id() + ": " + found);
    }
  }

  @Test
  void agreesWhereNothingDiffers() throws Exception {
    Path elf = TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start");
    String found = DivergenceLocator.locate(new ProgramSpec("hello", elf, List.of(), null), Target.X86_64,
        dir.resolve("trace"));
    assertTrue(found.equals("registers agree with qemu for the first 8 instructions (as far as both logs go)"),
        found);
  }

  /** QEMU lays out the strings above the initial stack pointer differently (its executable path, environment). */
  @Test
  void pointersIntoTheStartUpBlockAgree() throws Exception {
    Path elf = TestPrograms.assemble(dir, "argv", """
            .globl _start
            .type _start, %function
        _start:
            ldr x1, [sp, #8]       // argv[0]
            ldr x2, [sp, #24]      // envp[0]
            ldrb w3, [x1]
            mov x0, #0
            mov x8, #94
            svc #0
            .size _start, .-_start
        """, "-static", "-e", "_start");
    for (Target target : Target.values()) {
      String found = DivergenceLocator.locate(new ProgramSpec("argv", elf, List.of(), null), target,
          dir.resolve("trace-" + target.id()));
      assertTrue(found.equals("registers agree with qemu for the first 6 instructions (as far as both logs go)"),
          target.id() + ": " + found);
    }
  }
}
