package elfconv;

import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small AArch64 test executables from assembly with the bundled llvm-mc and ld.lld. */
public final class TestPrograms {
  private TestPrograms() {}

  /** Assembles and links {@code source}; {@code linkerArgs} are added to ld.lld's command line. */
  public static Path assemble(Path dir, String name, String source, String... linkerArgs) throws IOException {
    Path elf = dir.resolve(name);
    Toolchain.get().assembleAArch64(Files.writeString(dir.resolve(name + ".s"), source), dir.resolve(name + ".o"),
        elf, linkerArgs);
    return elf;
  }

  /** A program that writes "hello\n" and exits with status 7. */
  public static final String HELLO = """
        .text
        .globl _start
        .type _start, %function
    _start:
        mov x0, #1
        adr x1, msg
        mov x2, #6
        mov x8, #64
        svc #0
        mov x0, #7
        mov x8, #94
        svc #0
        .size _start, .-_start
        .data
    msg: .ascii "hello\\n"
    """;

  /**
   * A function whose call has a landing pad no branch reaches, only the unwinder: its LSDA (a call-site table in
   * .gcc_except_table, named by the FDE of _start) says so, as g++ writes them. Exits with status 0.
   */
  public static final String LANDING_PAD = """
        .text
        .globl _start
        .type _start, %function
    _start:
        .cfi_startproc
        .cfi_personality 0x9b, personality
        .cfi_lsda 0x1b, lsda
        stp x29, x30, [sp, #-16]!
    call_site:
        bl may_throw
        ldp x29, x30, [sp], #16
        mov x8, #94
        svc #0
        ret
    landing_pad:
        mov x0, #1
        mov x8, #94
        svc #0
        .cfi_endproc
        .size _start, .-_start

        .type may_throw, %function
    may_throw:
        mov x0, #0
        ret
        .size may_throw, .-may_throw

        .section .gcc_except_table,"a"
    lsda:
        .byte 0xff                 // landing pads relative to the function's start
        .byte 0xff                 // no type table
        .byte 0x01                 // call sites in ULEB128
        .uleb128 2f - 1f
    1:  .uleb128 call_site - _start
        .uleb128 4
        .uleb128 landing_pad - _start
        .uleb128 0
    2:
        .data
        .p2align 3
    personality: .quad may_throw
    """;
}
