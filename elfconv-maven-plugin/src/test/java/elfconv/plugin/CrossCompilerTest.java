package elfconv.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossCompilerTest {
  private static final short EM_AARCH64 = 183;

  @TempDir Path dir;

  @Test
  void buildsAStaticAArch64Executable() throws IOException {
    Path source = Files.writeString(dir.resolve("hello.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); }\n");
    Path elf = dir.resolve("hello-O2");

    String warnings = new CrossCompiler("aarch64-linux-gnu-gcc", List.of("-Wall")).compile(source, "-O2", elf);

    assertEquals("", warnings);
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0x464c457f, header.getInt(0), "ELF magic");
    assertEquals(EM_AARCH64, header.getShort(18), "e_machine");
    assertEquals(2, header.getShort(16), "e_type ET_EXEC: static, not position-independent");
  }

  @Test
  void warningsAreReturned() throws IOException {
    Path source = Files.writeString(dir.resolve("unused.c"), "int main(void) { int unused; return 0; }\n");

    String warnings = new CrossCompiler("aarch64-linux-gnu-gcc", List.of("-Wall")).compile(source, "-O0",
        dir.resolve("unused-O0"));

    assertTrue(warnings.contains("unused variable 'unused'"), warnings);
  }

  @Test
  void missingCompilerSaysWhatToInstall() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new CrossCompiler("aarch64-no-such-gcc", List.of()).compile(dir.resolve("a.c"), "-O0", dir.resolve("a")));

    assertEquals("aarch64-no-such-gcc not found: install the AArch64 cross compiler (apt-get install "
        + "gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or run scripts/setup) or point -Delfconv.crossCompiler at one",
        e.getMessage());
  }

  @Test
  void rejectedSourceGivesTheCompilersMessageAndNoElf() throws IOException {
    Path source = Files.writeString(dir.resolve("broken.c"), "int main(void) { return undeclared; }\n");
    Path elf = dir.resolve("broken-O0");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new CrossCompiler("aarch64-linux-gnu-gcc", List.of()).compile(source, "-O0", elf));

    assertTrue(e.getMessage().startsWith("cannot compile " + source), e.getMessage());
    assertTrue(e.getMessage().contains("'undeclared' undeclared"), e.getMessage());
    assertFalse(Files.exists(elf));
  }
}
