package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import elfconv.a64.A64Decoder;
import elfconv.elf.ElfImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir
  Path dir;

  @Test
  void aLandingPadOnlyTheUnwinderReachesIsABlockOfTheFunctionWhoseCallItServes() throws Exception {
    Path elf = TestPrograms.assemble(dir, "lp", TestPrograms.LANDING_PAD, "-static", "-e", "_start",
        "--eh-frame-hdr");
    ElfImage image = ElfImage.read(elf);
    long pad = image.symbols().stream().filter(s -> s.name().equals("landing_pad")).findFirst().orElseThrow()
        .value();
    GuestFunction start = Discovery.discover(image, A64Decoder.standard()).stream()
        .filter(f -> f.entry() == image.entry()).findFirst().orElseThrow();
    assertEquals(Set.of(pad), start.landingPads());
    assertTrue(start.blocks().containsKey(pad), "blocks: " + start.blocks().keySet());

    // Without section headers the unwinder, and discovery, find .eh_frame through PT_GNU_EH_FRAME.
    byte[] bytes = Files.readAllBytes(elf);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(40, 0).putShort(60, (short) 0)
        .putShort(62, (short) 0);
    ElfImage headerless = ElfImage.read(Files.write(dir.resolve("lp-no-sections"), bytes));
    assertTrue(headerless.sections().isEmpty());
    GuestFunction same = Discovery.discover(headerless, A64Decoder.standard()).stream()
        .filter(f -> f.entry() == image.entry()).findFirst().orElseThrow();
    assertEquals(Set.of(pad), same.landingPads());
  }

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

  @Test
  void aFunctionWhoseAddressOnlyAnotherPointedToFunctionTakesIsFound() throws Exception {
    String source = """
            .text
            .globl _start
        _start:
            adr x1, first
            blr x1
            mov x8, #94
            svc #0
            b .
        first:             // reached only through the pointer _start computes
            adrp x2, second
            add x2, x2, :lo12:second
            br x2
        second:            // reached only through the pointer first computes
            mov x0, #7
            ret
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "s", source, "-static", "-e", "_start", "-s"));
    List<Long> entries = Discovery.discover(image, A64Decoder.standard()).stream().map(GuestFunction::entry).toList();
    assertEquals(List.of(image.entry(), image.entry() + 20, image.entry() + 32), entries);
  }

  @Test
  void aJumpTableWhoseAddressWasSpilledToTheStackIsFollowed() throws Exception {
    String source = """
            .globl _start
            .type _start, %function
        _start:
            sub sp, sp, #64
            adrp x3, table
            add x3, x3, :lo12:table
            str x3, [sp, #56]
            adrp x0, other         // another table's address in x0, as in busybox's bc
            add x0, x0, :lo12:other
            mov w24, #2
            cmp w24, #3
            b.hi 9f
            ldr x0, [sp, #56]
            ldrh w0, [x0, w24, uxtw #1]
            adr x1, 1f
            add x0, x1, w0, sxth #2
            br x0
        1:  mov x0, #10
            b 9f
        2:  mov x0, #11
            b 9f
        3:  mov x0, #12
            b 9f
        4:  mov x0, #13
        9:  add sp, sp, #64
            mov x8, #94
            svc #0
            .size _start, .-_start
            .section .rodata
            .balign 2
        table:
            .hword (1b - 1b) / 4, (2b - 1b) / 4, (3b - 1b) / 4, (4b - 1b) / 4
        other:
            .hword 0
            .quad 0
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", source, "-static", "-e", "_start"));
    GuestFunction start = Discovery.discover(image, A64Decoder.standard()).stream()
        .filter(f -> f.entry() == image.entry()).findFirst().orElseThrow();
    long cases = image.entry() + 14 * 4;
    for (long target = cases; target <= cases + 24; target += 8) {
      assertTrue(start.blocks().containsKey(target), "case at 0x" + Long.toHexString(target) + " not in "
          + start.blocks().keySet());
    }
  }

  @Test
  void aJumpTableWhoseBaseReusesTheTableRegisterIsFollowed() throws Exception {
    String source = """
            .globl _start
            .type _start, %function
        _start:
            mov w0, #2
            cmp w0, #3
            b.hi 9f
            adrp x1, table
            add x1, x1, :lo12:table
            ldr w0, [x1, w0, uxtw #2]
            adr x1, 1f             // GCC -O0: the base goes into the register that held the table
            add x0, x1, w0, sxtw #2
            br x0
        1:  mov x0, #10
            b 9f
        2:  mov x0, #11
            b 9f
        3:  mov x0, #12
            b 9f
        4:  mov x0, #13
        9:  mov x8, #94
            svc #0
            .size _start, .-_start
            .section .rodata
            .balign 4
        table:
            .word (1b - 1b) / 4, (2b - 1b) / 4, (3b - 1b) / 4, (4b - 1b) / 4
            .quad 0
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "p", source, "-static", "-e", "_start"));
    GuestFunction start = Discovery.discover(image, A64Decoder.standard()).stream()
        .filter(f -> f.entry() == image.entry()).findFirst().orElseThrow();
    long cases = image.entry() + 9 * 4;
    for (long target = cases; target <= cases + 24; target += 8) {
      assertTrue(start.blocks().containsKey(target), "case at 0x" + Long.toHexString(target) + " not in "
          + start.blocks().keySet());
    }
  }

  @Test
  void inAStrippedProgramAFunctionDataPointsToIsNeitherFallenIntoNorATailCallsLabel() throws Exception {
    String source = """
            .text
            .globl _start
        _start:
            bl worker
            mov x8, #93
            svc #0
        worker:
            stp x29, x30, [sp, #-16]!
            cbnz x0, 2f
            adrp x16, table
            ldr x16, [x16, :lo12:table]
            ldp x29, x30, [sp], #16
            br x16         // a tail call through a pointer, not a jump to a label of worker
        2:  bl fail        // does not return: what follows is another function
        pointed:           // only data points here
            mov x0, #7
            ret
        fail:
            mov x8, #93
            svc #0
            .section .rodata
            .balign 8
        table:
            .quad pointed
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "s", source, "-static", "-e", "_start", "-s"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    long worker = image.entry() + 12;
    assertEquals(List.of(image.entry(), worker, worker + 28, worker + 36),
        functions.stream().map(GuestFunction::entry).toList());
    assertEquals(7, functions.get(1).instructionCount(), "worker must not take in pointed");
  }

  @Test
  void inAStrippedProgramAJumpTablesBaseIsNotAFunction() throws Exception {
    String source = """
            .text
            .globl _start
        _start:
            mov w0, #1
            cmp w0, #2
            b.hi 9f
            adrp x1, table
            add x1, x1, :lo12:table
            ldrb w0, [x1, w0, uxtw]
            adr x2, 1f
            add x0, x2, w0, sxtb #2
            br x0
        1:  mov x0, #10
            b 9f
        2:  mov x0, #11
            b 9f
        3:  mov x0, #12
        9:  mov x8, #93
            svc #0
            .section .rodata
        table:
            .byte 0, (2b - 1b) / 4, (3b - 1b) / 4
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "s", source, "-static", "-e", "_start", "-s"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    assertEquals(List.of(image.entry()), functions.stream().map(GuestFunction::entry).toList());
    assertEquals(Set.of(image.entry() + 36, image.entry() + 44, image.entry() + 52),
        functions.get(0).indirectTargets());
  }

  @Test
  void aBoundedJumpTableKeepsTargetsBeforeTheEntryOfAWrapperPlacedAfterItsFunction() throws Exception {
    String source = """
            .text
            .globl _start
        _start:
            bl wrapper
            mov x8, #93
            svc #0
        body:              // no call names it: only wrapper's branch reaches it
            cmp w0, #2
            b.hi 9f
            adrp x1, table
            add x1, x1, :lo12:table
            ldrb w0, [x1, w0, uxtw]
            adr x2, 1f
            add x0, x2, w0, sxtb #2
            br x0
        1:  mov x0, #10
            ret
        2:  mov x0, #11
            ret
        3:  mov x0, #12
        9:  ret
        wrapper:
            b body
            .section .rodata
        table:
            .byte 0, (2b - 1b) / 4, (3b - 1b) / 4
        """;
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "s", source, "-static", "-e", "_start", "-s"));
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    long cases = image.entry() + 44;
    assertEquals(List.of(image.entry(), cases + 24), functions.stream().map(GuestFunction::entry).toList());
    assertEquals(Set.of(cases, cases + 8, cases + 16), functions.get(1).indirectTargets());
  }
}
