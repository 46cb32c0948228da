package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
