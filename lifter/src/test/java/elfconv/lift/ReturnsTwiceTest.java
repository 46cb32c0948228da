package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import elfconv.TestPrograms;
import elfconv.a64.A64Decoder;
import elfconv.elf.ElfImage;
import elfconv.elf.Symbol;
import elfconv.ir.IrBuilder;
import elfconv.ir.IrModule;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnsTwiceTest {
  @TempDir
  Path dir;

  private static final String PROGRAM = """
          .globl _start
          .type _start, %function
      _start:
          bl save_context
          bl wrapper
          bl ordinary
          bl leaf
          mov x8, #94
          svc #0
          .size _start, .-_start
          // keeps its return address in a buffer, as setjmp does (through a mangling register, as glibc's does)
          .type save_context, %function
      save_context:
          eor x4, x30, x5
          str x4, [x0, #8]
          mov x0, #0
          ret
          .size save_context, .-save_context
          // tail-calls it, as _setjmp calls __sigsetjmp
          .type wrapper, %function
      wrapper:
          mov x1, #0
          b save_context
          .size wrapper, .-wrapper
          // a frame record and callee-saved registers on its own stack, as every compiled function has
          .type ordinary, %function
      ordinary:
          stp x29, x30, [sp, #-32]!
          mov x29, sp
          str x19, [sp, #16]
          bl leaf
          ldr x19, [sp, #16]
          ldp x29, x30, [sp], #32
          ret
          .size ordinary, .-ordinary
          .type leaf, %function
      leaf:
          add x0, x0, #1
          ret
          .size leaf, .-leaf
      """;

  @Test
  void onlyFunctionsKeepingTheirReturnAddressElsewhereReturnTwice() throws Exception {
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", PROGRAM, "-static", "-e", "_start"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    Map<Long, RegisterUsage> usage = new HashMap<>();
    try (IrModule m = new IrModule("t"); IrBuilder ir = new IrBuilder(m)) {
      RuntimeSymbols runtime = new RuntimeSymbols(m, 256L << 20);
      for (GuestFunction f : functions) {
        usage.put(f.entry(), FunctionLifter.scan(ir, runtime, Target.X86_64, f, a -> null));
      }
    }
    Set<Long> returnsTwice = ReturnsTwice.functions(new CallGraph(functions), usage);
    assertEquals(Set.of(address(image, "save_context"), address(image, "wrapper")), returnsTwice);

    GuestFunction start = functions.stream().filter(f -> f.entry() == address(image, "_start")).findFirst()
        .orElseThrow();
    long first = address(image, "_start");
    // Resumable after the calls to save_context and wrapper, not after those to ordinary and leaf.
    assertEquals(new TreeSet<>(Set.of(first + 4, first + 8)), ReturnsTwice.resumePoints(start, returnsTwice));
  }

  private static long address(ElfImage image, String name) {
    return image.symbols().stream().filter(s -> s.name().equals(name)).mapToLong(Symbol::value).findFirst()
        .orElseThrow();
  }
}
