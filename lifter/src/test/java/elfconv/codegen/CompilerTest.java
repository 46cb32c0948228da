package elfconv.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.run.WasmRunner;
import elfconv.toolchain.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Translates small programs to both targets and runs the results for real. */
class CompilerTest {
  @TempDir
  Path dir;

  private record Outcome(int status, String stdout, String stderr) {}

  private Outcome runTranslated(Path elf, Target target) throws Exception {
    return runTranslated(elf, target, "");
  }

  private Outcome runTranslated(Path elf, Target target, String input) throws Exception {
    Path output = dir.resolve(elf.getFileName() + "." + target.id());
    Compiler.compile(elf, output, new Compiler.Options(target));
    Path stdin = Files.writeString(dir.resolve("stdin"), input);
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    int status;
    if (target == Target.X86_64) {
      status = new ProcessBuilder(output.toString()).redirectInput(stdin.toFile()).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile()).start().waitFor();
    } else {
      status = WasmRunner.run(output, List.of("prog"), Map.of(), dir, new WasmRunner.Stdio(stdin, stdout, stderr))
          .status();
    }
    return new Outcome(status, Files.readString(stdout), Files.readString(stderr));
  }

  @Test
  void helloRunsOnBothTargets() throws Exception {
    Path elf = TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start");
    for (Target target : Target.values()) {
      assertEquals(new Outcome(7, "hello\n", ""), runTranslated(elf, target), target.id());
    }
  }

  @Test
  void stdinReachesTheGuestOnBothTargets() throws Exception {
    Path elf = TestPrograms.assemble(dir, "echo", """
            .globl _start
            .type _start, %function
        _start:
            sub sp, sp, #64
            mov x0, #0
            mov x1, sp
            mov x2, #64
            mov x8, #63             // read
            svc #0
            mov x2, x0
            mov x0, #1
            mov x1, sp
            mov x8, #64             // write
            svc #0
            mov x8, #94
            svc #0                  // exit_group(bytes written)
            .size _start, .-_start
        """, "-static", "-e", "_start");
    for (Target target : Target.values()) {
      assertEquals(new Outcome(11, "from stdin\n", ""), runTranslated(elf, target, "from stdin\n"), target.id());
    }
  }

  @Test
  void staticPieRunsOnBothTargets() throws Exception {
    Path elf = TestPrograms.assemble(dir, "pie", TestPrograms.HELLO, "-pie", "-e", "_start", "--no-dynamic-linker");
    for (Target target : Target.values()) {
      assertEquals(new Outcome(7, "hello\n", ""), runTranslated(elf, target), target.id());
    }
  }

  @Test
  void jumpToUntranslatedAddressStopsCleanlyOnBothTargets() throws Exception {
    Path elf = TestPrograms.assemble(dir, "wild", """
            .globl _start
            .type _start, %function
        _start:
            movz x0, #0x1234
            br x0
            .size _start, .-_start
        """, "-static", "-e", "_start");
    for (Target target : Target.values()) {
      Outcome outcome = runTranslated(elf, target);
      assertEquals(126, outcome.status(), target.id());
      assertTrue(outcome.stderr().matches(
          "elfconv: jump to untranslated address 0x1234 \\(last indirect branch at 0x[0-9a-f]+\\)\n"),
          target.id() + ": " + outcome.stderr());
    }
  }
}
