package elfconv.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import elfconv.verify.ProgramSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramSpecsTest {
  @TempDir Path dir;

  @BeforeEach
  void elf() throws IOException {
    Files.write(dir.resolve("prog"), new byte[] {0x7f, 'E', 'L', 'F'});
  }

  private ProgramSpec load(String properties) throws IOException {
    Files.writeString(dir.resolve("prog.properties"), properties);
    return ProgramSpecs.load("prog", dir, dir);
  }

  @Test
  void withoutPropertiesTheProgramRunsWithoutArgumentsAndMustAgree() throws IOException {
    ProgramSpec spec = ProgramSpecs.load("prog", dir, dir);

    assertEquals(new ProgramSpec("prog", dir.resolve("prog"), List.of(), null), spec);
    assertArrayEquals(new byte[0], spec.stdinBytes());
    assertEquals("./prog", spec.argv0());
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
  void singleQuotesKeepSpacesAndJoinAdjacentText() throws IOException {
    assertEquals(List.of("sh", "-c", "for i in 1 2; do echo $i; done", "x=a b", ""),
        load("args=sh -c 'for i in 1 2; do echo $i; done' x='a b' ''\n").args());
  }

  @Test
  void unterminatedQuoteIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("args=a 'b c\n"));

    assertEquals(dir.resolve("prog.properties") + ":1: args: unterminated single quote at column 3",
        e.getMessage());
  }

  @Test
  void timingRunsAreACountOfOneTo99() throws IOException {
    assertEquals(0, load("args=1\n").timingRuns());
    assertEquals(5, load("timing.runs=5\n").timingRuns());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("timing.runs=0\n"));
    assertEquals(dir.resolve("prog.properties") + ":1: timing.runs must be a number of runs from 1 to 99, found '0'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> load("timing.runs=many\n"));
  }

  @Test
  void emptyArgsMeansNoArguments() throws IOException {
    assertEquals(List.of(), load("args=\n").args());
  }

  @Test
  void stdinIsAFileBesideTheProperties() throws IOException {
    Files.createDirectories(dir.resolve("inputs"));
    Files.writeString(dir.resolve("inputs/words.txt"), "b\na\n");

    ProgramSpec spec = load("stdin=inputs/words.txt\n");

    assertArrayEquals("b\na\n".getBytes(), spec.stdinBytes());
  }

  @Test
  void missingStdinFileIsNamedWithFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("\nstdin=absent.txt\n"));

    assertEquals(dir.resolve("prog.properties") + ":2: stdin: no such file " + dir.resolve("absent.txt"),
        e.getMessage());
  }

  @Test
  void elfKeyRunsAnotherBinaryUnderTheProgramsName() throws IOException {
    Files.write(dir.resolve("busybox"), new byte[] {0x7f, 'E', 'L', 'F'});
    Files.writeString(dir.resolve("busybox-echo.properties"), "elf=busybox\nargs=echo hi\n");

    ProgramSpec spec = ProgramSpecs.load("busybox-echo", dir, dir);

    assertEquals(dir.resolve("busybox"), spec.elf());
    assertEquals("./busybox", spec.argv0());
    assertEquals(List.of("echo", "hi"), spec.args());
  }

  @Test
  void optimisationLevelsShareTheProgramsProperties() throws IOException {
    Files.write(dir.resolve("primes-O2"), new byte[] {0x7f, 'E', 'L', 'F'});
    Files.writeString(dir.resolve("primes.properties"), "args=1000\n");

    assertEquals(List.of("1000"), ProgramSpecs.load("primes-O2", dir, dir).args());
  }

  @Test
  void missingElfIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProgramSpecs.load("absent", dir, dir));

    assertEquals("program 'absent' has no ELF at " + dir.resolve("absent"), e.getMessage());
  }

  @Test
  void unknownKeyIsNamedWithFileAndLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("args=a\narg=b\n"));

    assertEquals(dir.resolve("prog.properties") + ":2: unknown key 'arg' (known keys: args, stdin, elf, "
        + "expect.error, timing.runs)", e.getMessage());
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
