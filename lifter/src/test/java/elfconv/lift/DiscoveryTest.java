package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.a64.A64Decoder;
import elfconv.elf.ElfImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir
  Path dir;

  @Test
  void aCallThatDoesNotReturnEndsTheFunctionBeforeTheNextOne() throws Exception {
    String source = """
            .globl _start
            .type _start, %function
        _start:
            cbz x0, 1f
            bl fail        // does not return: what follows is the next function
        1:  bl next
            mov x8, #94
            svc #0
            .size _start, .-_start
            .type fail, %function
        fail:
            mov x0, #1
            mov x8, #94
            svc #0
            .size fail, .-fail
            .type next, %function
        next:
            add x0, x0, #2
            ret
            .size next, .-next
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", source, "-static", "-e", "_start"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    GuestFunction fail = functions.stream().filter(f -> f.instructionCount() > 0 && f.entry() == image.entry() + 20)
        .findFirst().orElseThrow();
    assertEquals(3, fail.instructionCount(), "fail must not take in next: " + fail.blocks().keySet());
  }

  @Test
  void inAStrippedProgramEveryCallTargetIsAFunctionAndReadOnlyDataIsNotCode() throws Exception {
    String source = """
            .text
            .globl _start
        _start:
            bl helper
            b helper       // a tail call: helper must not be copied into _start
        helper:
            adr x1, text
            ldr x0, [x1]
            mov x8, #94
            svc #0
            .section .rodata
        text:
            .ascii "Reso"  // decodes as an instruction, but is data
            .word 0
        """;
    ElfImage image = ElfImage.read(
        TestPrograms.assemble(dir, "s", source, "-static", "-e", "_start", "-s", "--no-rosegment"));
    long rodata = image.section(".rodata").orElseThrow().addr();
    assertTrue(image.segmentContaining(rodata).orElseThrow().executable(), "read-only data shares the code's segment");
    assertFalse(image.isCode(rodata));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    assertEquals(List.of(image.entry(), image.entry() + 8), functions.stream().map(GuestFunction::entry).toList());
    assertEquals(2, functions.get(0).instructionCount());
  }
}
