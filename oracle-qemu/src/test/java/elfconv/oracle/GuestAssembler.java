package elfconv.oracle;

import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a static AArch64 ELF from assembly text with the bundled llvm-mc and ld.lld. */
final class GuestAssembler {
  private GuestAssembler() {}

  static Path assemble(Path dir, String name, String source) throws IOException {
    Path elf = dir.resolve(name);
    Toolchain.get().assembleAArch64(Files.writeString(dir.resolve(name + ".s"), source), dir.resolve(name + ".o"),
        elf);
    return elf;
  }

  /** {@code _start} running {@code body}, with {@code data} after it in .text. */
  static String program(String body, String data) {
    return """
          .text
          .globl _start
          .type _start, %function
        _start:
        """ + body + """
          .size _start, .-_start
        """ + data;
  }
}
