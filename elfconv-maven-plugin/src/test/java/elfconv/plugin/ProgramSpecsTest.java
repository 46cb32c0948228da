package elfconv.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import elfconv.verify.ProgramSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramSpecsTest {
  @TempDir Path dir;

  private ProgramSpec load(String properties) throws IOException {
    Files.writeString(dir.resolve("prog.properties"), properties);
    return ProgramSpecs.load("prog", dir.resolve("prog"), dir.resolve("prog.properties"));
  }

  @Test
  void withoutPropertiesTheProgramRunsWithoutArgumentsAndMustAgree() throws IOException {
    ProgramSpec spec = ProgramSpecs.load("prog", dir.resolve("prog"), dir.resolve("absent.properties"));

    assertEquals(new ProgramSpec("prog", dir.resolve("prog"), List.of(), null), spec);
  }

  @Test
  void readsArgumentsAndExpectedErrorVerbatim() throws IOException {
    ProgramSpec spec = load("""
        # comment
        args =  alpha   beta\tgamma

        expect.error=jump to untranslated address 0x[0-9a-f]+ \\d=
        """);

    assertEquals(List.of("alpha", "beta", "gamma"), spec.args());
    assertEquals("jump to untranslated address 0x[0-9a-f]+ \\d=", spec.expectedError());
  }

  @Test
  void emptyArgsMeansNoArguments() throws IOException {
    assertEquals(List.of(), load("args=\n").args());
  }

  @Test
  void unknownKeyIsNamedWithFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("args=a\narg=b\n"));

    assertEquals(dir.resolve("prog.properties") + ":2: unknown key 'arg' (known keys: args, expect.error)",
        e.getMessage());
  }

  @Test
  void lineWithoutEqualsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("alpha beta\n"));

    assertEquals(dir.resolve("prog.properties") + ":1: expected key=value, found 'alpha beta'", e.getMessage());
  }

  @Test
  void invalidRegularExpressionIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("expect.error=0x[\n"));

    assertEquals(dir.resolve("prog.properties") + ":1: expect.error is not a regular expression: "
        + "Unclosed character class near index 2", e.getMessage());
  }
}
