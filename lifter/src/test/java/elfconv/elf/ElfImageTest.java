package elfconv.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.TestPrograms;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfImageTest {
  @TempDir
  Path dir;

  @Test
  void readsAStaticExecutable() throws Exception {
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "hello", TestPrograms.HELLO, "-static", "-e", "_start"));
    assertFalse(image.isStaticPie());
    Symbol start = image.symbols().stream().filter(s -> s.name().equals("_start")).findFirst().orElseThrow();
    assertTrue(start.isFunction());
    assertEquals(start.value(), image.entry());
    assertEquals(32, start.size(), "8 instructions");
    assertTrue(image.isCode(image.entry()));
    assertEquals(0xd2800020, image.word(image.entry()), "mov x0, #1");
    Segment text = image.segmentContaining(image.entry()).orElseThrow();
    assertTrue(text.executable());
    assertTrue(image.segments().stream().anyMatch(s -> !s.executable() && s.memSize() > 0), "the .data segment");
    assertEquals(56, image.phent());
    assertEquals(image.segments().get(0).vaddr() + 64, image.phdrAddress(), "headers follow the ELF header");

    assertEquals(0xd2800020L, image.data(image.entry(), 4).orElseThrow());
    assertEquals(0x20L, image.data(image.entry(), 1).orElseThrow());
    long end = text.vaddr() + text.fileSize();
    assertTrue(image.data(end - 1, 1).isPresent(), "the last byte of the segment's file data");
    assertFalse(image.data(end - 1, 2).isPresent(), "past the file data");
  }

  @Test
  void placesAStaticPieAtItsBase() throws Exception {
    ElfImage image = ElfImage.read(TestPrograms.assemble(dir, "pie", TestPrograms.HELLO, "-pie", "-e", "_start",
        "--no-dynamic-linker"));
    assertTrue(image.isStaticPie());
    assertTrue(image.entry() >= ElfImage.PIE_BASE && image.entry() < ElfImage.PIE_BASE + 0x100000);
    assertTrue(image.isCode(image.entry()));
    assertEquals(0xd2800020, image.word(image.entry()));
  }
}
