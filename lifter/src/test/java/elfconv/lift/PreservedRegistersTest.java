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
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreservedRegistersTest {
  @TempDir
  Path dir;

  /** What the function {@code callee} of a program that calls it preserves, as "x19 x20 ... sp". */
  private String preserved(String callee, String more) throws Exception {
    String source = """
            .globl _start
            .type _start, %function
        _start:
            bl callee
            mov x8, #93
            svc #0
            .size _start, .-_start
            .type callee, %function
        callee:
        """ + callee + """
            .size callee, .-callee
        """ + more;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", source, "-static", "-e", "_start"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    try (IrModule m = new IrModule("t"); IrBuilder ir = new IrBuilder(m)) {
      RuntimeSymbols runtime = new RuntimeSymbols(m, 256L << 20);
      Map<Long, RegisterUsage> usage = new HashMap<>();
      for (GuestFunction f : functions) {
        usage.put(f.entry(), FunctionLifter.scan(ir, runtime, Target.X86_64, f, a -> null));
      }
      long entry = image.symbols().stream().filter(s -> s.name().equals("callee")).mapToLong(Symbol::value)
          .findFirst().orElseThrow();
      BitSet kept = PreservedRegisters.compute(functions, usage).get(entry);
      return kept.stream().mapToObj(r -> r == 31 ? "sp" : "x" + r).collect(Collectors.joining(" "));
    }
  }

  private static final String ALL = "x19 x20 x21 x22 x23 x24 x25 x26 x27 x28 x29 sp";

  @Test
  void aLeafThatTouchesNothingPreservesEverything() throws Exception {
    assertEquals(ALL, preserved("    add x0, x0, #1\n    ret\n", ""));
  }

  @Test
  void savedAndRestoredRegistersArePreservedWhateverTheBodyDoes() throws Exception {
    assertEquals(ALL, preserved("""
            stp x29, x30, [sp, #-32]!
            mov x29, sp
            stp x19, x20, [sp, #16]
            mov x19, x0
            add x20, x19, #1
            cbz x0, 1f
            mov x19, #7
        1:  ldp x19, x20, [sp, #16]
            ldp x29, x30, [sp], #32
            ret
        """, ""));
  }

  @Test
  void aWriteWithoutSaveOrAReturnBeforeTheRestoreIsNotPreserved() throws Exception {
    assertEquals(ALL.replace("x20 ", ""), preserved("    mov x20, x0\n    ret\n", ""));
    assertEquals(ALL.replace("x19 ", ""), preserved("""
            str x19, [sp, #-16]!
            mov x19, x0
            cbz x0, 1f
            ldr x19, [sp], #16
            ret
        1:  add sp, sp, #16
            ret
        """, ""));
    // Loaded from the stack, but never saved there: a value of the caller's frame, not the register's own.
    assertEquals(ALL.replace("x21 ", ""), preserved("    ldr x21, [sp, #8]\n    ret\n", ""));
  }

  @Test
  void callsCountAsWhatTheCalleeDoesAndIndirectCallsFollowTheAbi() throws Exception {
    String clobbers22 = """
            .type other, %function
        other:
            mov x22, #1
            ret
            .size other, .-other
        """;
    assertEquals(ALL.replace("x22 ", ""), preserved("""
            str x30, [sp, #-16]!
            bl other
            ldr x30, [sp], #16
            ret
        """, clobbers22));
    assertEquals(ALL.replace("x22 ", ""), preserved("    b other\n", clobbers22));
    assertEquals(ALL, preserved("""
            str x30, [sp, #-16]!
            blr x0
            ldr x30, [sp], #16
            ret
        """, ""));
  }

  @Test
  void theStackPointerMustComeBackOnEveryPath() throws Exception {
    assertEquals(ALL, preserved("""
            sub sp, sp, #64
            cbz x0, 1f
            sub sp, sp, #16
            add sp, sp, #16
        1:  add sp, sp, #64
            ret
        """, ""));
    assertEquals(ALL.replace(" sp", ""), preserved("    sub sp, sp, #16\n    ret\n", ""));
    assertEquals(ALL.replace(" sp", ""), preserved("    sub sp, sp, x0\n    ret\n", ""));
  }

  /** alloca: SP moves by an amount known only at run time and comes back from the frame pointer. */
  @Test
  void theStackPointerComesBackFromTheFramePointer() throws Exception {
    assertEquals(ALL, preserved("""
            stp x29, x30, [sp, #-32]!
            mov x29, sp
            sub sp, sp, x0
            mov sp, x29
            ldp x29, x30, [sp], #32
            ret
        """, ""));
  }
}
