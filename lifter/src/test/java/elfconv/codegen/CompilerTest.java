package elfconv.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.elf.ElfFormatException;
import elfconv.oracle.Environment;
import elfconv.run.WasmRunner;
import elfconv.toolchain.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    return runTranslated(elf, new Compiler.Options(target), input);
  }

  private Outcome runTranslated(Path elf, Compiler.Options options, String input) throws Exception {
    Target target = options.target();
    Path output = dir.resolve(elf.getFileName() + "." + target.id());
    Compiler.compile(elf, output, options);
    Path stdin = Files.writeString(dir.resolve("stdin"), input);
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    int status;
    if (target == Target.X86_64) {
      status = new ProcessBuilder(output.toString()).redirectInput(stdin.toFile()).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile()).start().waitFor();
    } else {
      status = WasmRunner.run(output, List.of("prog"), new Environment(List.of()), dir, new WasmRunner.Stdio(stdin, stdout, stderr))
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

  @Test
  void wasm32RefusesSegmentsWhereItsShadowStackLies() throws Exception {
    Path elf = TestPrograms.assemble(dir, "low", TestPrograms.HELLO, "-static", "-e", "_start", "-Ttext=0x10000");
    Path output = dir.resolve("low.wasm");
    ElfFormatException e = assertThrows(ElfFormatException.class,
        () -> Compiler.compile(elf, output, new Compiler.Options(Target.WASM32)));
    assertTrue(e.getMessage().matches(".*low: segment at 0x10000 lies below 0x200000, which wasm32 keeps for the "
        + "runtime's stack;.*"), e.getMessage());
    assertFalse(Files.exists(output));
    assertEquals(new Outcome(7, "hello\n", ""), runTranslated(elf, Target.X86_64));
  }

  /** Guest calls are wasm calls: nested deeper than wasm32's stacks hold, they end the guest as an overflow would. */
  @Test
  void callsNestedTooDeepForWasm32EndTheGuestBySigsegv() throws Exception {
    Path elf = TestPrograms.assemble(dir, "deep", """
            .globl _start
            .type _start, %function
        _start:
            movz x1, #0x4, lsl #16      // 262,144 nested calls: 4 MiB of the 8 MiB guest stack
            bl down
            mov x0, #0
            mov x8, #93
            svc #0
            .size _start, .-_start
            .type down, %function
        down:
            stp x29, x30, [sp, #-16]!
            subs x1, x1, #1
            b.eq 1f
            bl down
        1:  ldp x29, x30, [sp], #16
            ret
            .size down, .-down
        """, "-static", "-e", "_start");
    // At -O 0 the register slots live in the shadow stack, which overflows first; at -O 2, the wasm stack.
    for (int optLevel : new int[] {0, 2}) {
      Outcome outcome = runTranslated(elf,
          new Compiler.Options(Target.WASM32, optLevel, Target.WASM32.defaultWindowSize(), false, false), "");
      assertEquals(139, outcome.status(), "-O " + optLevel);
      assertTrue(outcome.stderr().matches("elfconv: .*(wasm stack|shadow stack).*\n"),
          "-O " + optLevel + ": " + outcome.stderr());
    }
  }
}
