package elfconv.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossCompilerTest {
  private static final short EM_AARCH64 = 183;
  private static final CrossCompiler GCC = new CrossCompiler("aarch64-linux-gnu-gcc", List.of("-Wall"));

  @TempDir Path dir;

  @Test
  void buildsAStaticAArch64Executable() throws IOException {
    Path elf = build("hello", "#include <stdio.h>\nint main(void) { puts(\"hi\"); }\n");

    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0x464c457f, header.getInt(0), "ELF magic");
    assertEquals(EM_AARCH64, header.getShort(18), "e_machine");
    assertEquals(2, header.getShort(16), "e_type ET_EXEC: static, not position-independent");
  }

  @Test
  void warningsAreReturned() throws IOException {
    Path source = Files.writeString(dir.resolve("unused.c"), "int main(void) { int unused; return 0; }\n");

    String warnings = GCC.compileObject(source, "-O0", dir.resolve("unused.o"));

    assertTrue(warnings.contains("unused variable 'unused'"), warnings);
  }

  @Test
  void missingCompilerSaysWhatToInstall() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new CrossCompiler("aarch64-no-such-gcc", List.of()).compileObject(dir.resolve("a.c"), "-O0",
            dir.resolve("a.o")));

    assertEquals("aarch64-no-such-gcc not found: install the AArch64 cross compilers (apt-get install "
        + "gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross, or run scripts/setup) or point "
        + "-Delfconv.crossCompiler (C) and -Delfconv.crossCompilerCxx (C++) at them", e.getMessage());
  }

  @Test
  void rejectedSourceGivesTheCompilersMessageAndNoObject() throws IOException {
    Path source = Files.writeString(dir.resolve("broken.c"), "int main(void) { return undeclared; }\n");
    Path object = dir.resolve("broken.o");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GCC.compileObject(source, "-O0", object));

    assertTrue(e.getMessage().startsWith("cannot compile " + source), e.getMessage());
    assertTrue(e.getMessage().contains("'undeclared' undeclared"), e.getMessage());
    assertFalse(Files.exists(object));
  }

  @Test
  void programsDefiningTheSameSymbolsShareOneMultiCallElf() throws IOException, InterruptedException {
    String program = """
        #include <stdio.h>
        int shared = %d;
        int helper(void) { return shared; }
        int main(int argc, char **argv) { printf("%%s argc=%%d helper=%%d last=%%s\\n", argv[0], argc, helper(),
            argv[argc - 1]); return %d; }
        """;
    Path elf = multiCall(GCC, "-O2",
        Map.of("first.c", program.formatted(5, 6), "second.c", program.formatted(6, 7)));

    assertEquals("second argc=3 helper=6 last=b\n[exit 7]", run(elf, "second", "a", "b"));
    assertEquals("first argc=1 helper=5 last=first\n[exit 6]", run(elf, "first"));
    assertEquals("usage: ./multi PROGRAM [ARGUMENT...], PROGRAM one of: first second\n[exit 2]", run(elf, "third"));
  }

  @Test
  void cxxProgramsInstantiatingTheSameTemplatesShareOneMultiCallElf() throws IOException, InterruptedException {
    CrossCompiler gxx = new CrossCompiler("aarch64-linux-gnu-g++", List.of("-std=gnu++17"));
    String program = """
        #include <cstdio>
        #include <stdexcept>
        #include <vector>
        static int twice(int x) { return 2 * x; }
        int main(int argc, char **argv) {
          std::vector<int> v(%d, twice(argc));
          try { v.at(99); } catch (const std::out_of_range &) { std::printf("%%s: %%zu\\n", argv[0], v.size()); }
          return v[0];
        }
        """;
    Path elf = multiCall(gxx, "-O0", Map.of("one.cpp", program.formatted(4), "two.cpp", program.formatted(4)));

    assertEquals("two: 4\n[exit 4]", run(elf, "two", "x"));
    assertEquals("one: 4\n[exit 2]", run(elf, "one"));
  }

  /**
   * Compiles each source (file name to text) with {@code compiler}, renames its main as compile-c does, and links
   * them with compile-c's dispatcher into one multi-call ELF, {@code multi}.
   */
  private Path multiCall(CrossCompiler compiler, String level, Map<String, String> sources) throws IOException {
    List<String> names = new ArrayList<>();
    List<Path> objects = new ArrayList<>(List.of(dir.resolve("multi.o")));
    for (String file : new TreeMap<>(sources).keySet()) {
      Path source = Files.writeString(dir.resolve(file), sources.get(file));
      String name = CrossCompiler.programOf(source);
      Path object = dir.resolve(name + ".o");
      compiler.compileObject(source, level, object);
      Path entry = dir.resolve(name + ".entry.o");
      compiler.renameMain(object, "elfconv_main_" + name, entry);
      names.add(name);
      objects.add(entry);
    }
    Path dispatcher = Files.writeString(dir.resolve("multi.c"), CompileCMojo.dispatcherSource(names));
    assertEquals("", GCC.compileObject(dispatcher, level, objects.get(0)));
    Path elf = dir.resolve("multi");
    compiler.link(objects, elf);
    return elf;
  }

  private Path build(String name, String source) throws IOException {
    Path object = dir.resolve(name + ".o");
    GCC.compileObject(Files.writeString(dir.resolve(name + ".c"), source), "-O2", object);
    Path elf = dir.resolve(name);
    assertEquals("", GCC.link(List.of(object), elf));
    return elf;
  }

  /** Runs under qemu-aarch64, as ./ELF from its folder: the output (stdout and stderr) and the exit status. */
  private String run(Path elf, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("qemu-aarch64", "./" + elf.getFileName()));
    line.addAll(List.of(args));
    Process process = new ProcessBuilder(line).directory(elf.getParent().toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return output + "[exit " + process.waitFor() + "]";
  }
}
