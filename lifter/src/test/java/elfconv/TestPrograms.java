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
}
