package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.a64.A64Decoder;
import elfconv.elf.ElfImage;
import elfconv.ir.IrBuilder;
import elfconv.ir.IrModule;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagObservabilityTest {
  @TempDir
  Path dir;

  private boolean flagsCross(String source) throws Exception {
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", source, "-static", "-e", "_start"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    try (IrModule m = new IrModule("t"); IrBuilder ir = new IrBuilder(m)) {
      RuntimeSymbols runtime = new RuntimeSymbols(m, 256L << 20);
      Map<Long, RegisterUsage> usage = new HashMap<>();
      for (GuestFunction f : functions) {
        usage.put(f.entry(), FunctionLifter.scan(ir, runtime, Target.X86_64, f, a -> null));
      }
      return FlagObservability.flagsCrossFunctions(new CallGraph(functions), usage);
    }
  }

  /** A caller that sets flags, calls, then runs {@code afterCall} and branches on the flags. */
  private static String program(String callee, String afterCall) {
    return """
            .globl _start
            .type _start, %function
        _start:
            cmp x0, #3
            bl callee
        """ + afterCall + """
            b.ne 1f
            mov x0, #1
        1:  mov x8, #94
            svc #0
            .size _start, .-_start
            .type callee, %function
        callee:
        """ + callee + """
            ret
            .size callee, .-callee
        """;
  }

  @Test
  void flagsStayInsideFunctionsThatSetThemBeforeUse() throws Exception {
    assertFalse(flagsCross(program("    cmp x1, #0\n    csel x0, x1, x2, eq\n", "    cmp x0, #1\n")));
  }

  @Test
  void aCalleeReadingItsCallersFlagsMakesThemShared() throws Exception {
    assertTrue(flagsCross(program("    cset x0, eq\n", "    cmp x0, #1\n")));
  }

  @Test
  void aCallerReadingItsCalleesFlagsMakesThemShared() throws Exception {
    assertTrue(flagsCross(program("    cmp x0, #2\n", "")));
  }

  /** What follows a call of a function that never returns is reached by branches, which bring their flags. */
  @Test
  void flagsReadAfterACallThatNeverReturnsAreTheBranchers() throws Exception {
    assertFalse(flagsCross("""
            .globl _start
            .type _start, %function
        _start:
            cmp x0, #3
            b.eq 1f
            bl die
        1:  b.ne 2f
            mov x0, #1
        2:  mov x8, #94
            svc #0
            .size _start, .-_start
            .type die, %function
        die:
            mov x8, #93
            svc #0
            b die
            .size die, .-die
        """));
  }
}
