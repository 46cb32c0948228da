package elfconv.oracle;

import elfconv.toolchain.Toolchain.Tool;
import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds a static AArch64 ELF from assembly text with the bundled llvm-mc and ld.lld. */
final class GuestAssembler {
  private GuestAssembler() {}

  static Path assemble(Path dir, String name, String source) throws IOException {
    Path asm = Files.writeString(dir.resolve(name + ".s"), source);
    Path object = dir.resolve(name + ".o");
    Path elf = dir.resolve(name);
    Toolchain toolchain = Toolchain.get();
    toolchain.run(Tool.LLVM_MC, List.of("-triple=aarch64", "-filetype=obj", "-o", object.toString(),
        asm.toString()), dir);
    toolchain.run(Tool.LD_LLD, List.of("-static", "-e", "_start", "-o", elf.toString(), object.toString()), dir);
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
