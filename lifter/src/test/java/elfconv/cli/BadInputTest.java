package elfconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs elfconv must refuse: one line naming the problem, a non-zero exit status, and no output file. */
class BadInputTest {
  @TempDir
  Path dir;

  private String compileFails(Path input, String target) throws Exception {
    Path output = dir.resolve("out-" + target);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      status = Main.execute("compile", "--target", target, "-o", output.toString(), input.toString());
    } finally {
      System.setErr(originalErr);
    }
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, message);
    assertEquals(1, message.strip().lines().count(), "exactly one line: " + message);
    assertTrue(message.startsWith("elfconv: " + input), message);
    assertFalse(Files.exists(output), "no output file may be left");
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".elfconv-")), "no temporary files");
    }
    return message;
  }

  @Test
  void guestMemoryATargetCannotGiveIsRefused() throws Exception {
    Path elf = TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start");
    String[][] cases = {{"wasm32", "3G", "wasm32 takes a multiple of 64K from 64M to 1920M"},
        {"x86_64", "3G", "x86_64 takes a power of two from 64M to 1T"}, {"x86_64", "2T", "from 64M to 1T"},
        {"x86_64", "1g", "expected a size such as 256M, 3G or 1T"}};
    for (String[] c : cases) {
      Path output = dir.resolve("out");
      PrintStream originalErr = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        status = Main.execute("compile", "--target", c[0], "--guest-memory", c[1], "-o", output.toString(),
            elf.toString());
      } finally {
        System.setErr(originalErr);
      }
      String message = err.toString(StandardCharsets.UTF_8);
      assertEquals(1, status, message);
      assertTrue(message.startsWith("elfconv: --guest-memory " + c[1] + ": ") && message.contains(c[2])
          && message.strip().lines().count() == 1, message);
      assertFalse(Files.exists(output));
    }
  }

  @Test
  void x86_64ElfIsRefusedByMachine() throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    for (String target : new String[] {"x86_64", "wasm32"}) {
      assertTrue(compileFails(java, target).contains("machine is x86-64 (EM_X86_64), not AArch64"));
    }
  }

  @Test
  void textFileIsNotAnElf() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "just some text\n");
    assertTrue(compileFails(text, "x86_64").contains("not an ELF file (it starts with 6a 75 73 74"));
  }

  @Test
  void truncatedElfNamesWhatIsMissing() throws Exception {
    Path elf = TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start");
    byte[] bytes = Files.readAllBytes(elf);
    Path truncated = Files.write(dir.resolve("truncated"), Arrays.copyOf(bytes, 100));
    assertTrue(compileFails(truncated, "x86_64").contains("truncated ELF file: program headers"));
    Path headerOnly = Files.write(dir.resolve("header-only"), Arrays.copyOf(bytes, 40));
    assertTrue(compileFails(headerOnly, "wasm32").contains("shorter than the 64-byte ELF64 header"));
  }

  @Test
  void dynamicallyLinkedElfNamesItsInterpreter() throws Exception {
    Path elf = TestPrograms.assemble(dir, "dynamic", TestPrograms.HELLO, "-pie", "-e", "_start",
        "--dynamic-linker=/lib/ld-linux-aarch64.so.1");
    String message = compileFails(elf, "x86_64");
    assertTrue(message.contains("is dynamically linked (PT_INTERP requests /lib/ld-linux-aarch64.so.1)"), message);
    assertTrue(message.contains("relink with -static"), message);
  }

  @Test
  void missingFileIsNamed() throws Exception {
    assertTrue(compileFails(dir.resolve("nope"), "x86_64").contains("no such file"));
  }
}
