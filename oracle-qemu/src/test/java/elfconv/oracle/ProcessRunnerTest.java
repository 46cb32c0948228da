package elfconv.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  @TempDir Path dir;
  private static final Environment NONE = new Environment(List.of());
  private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(30));

  private RunResult sh(String script, byte[] stdin) {
    return runner.run(List.of("/bin/sh", "-c", script), NONE, dir, stdin);
  }

  @Test
  void capturesStdoutStderrAndExitCodeSeparately() {
    RunResult result = sh("cat; echo oops >&2; exit 7", "input".getBytes(StandardCharsets.UTF_8));

    assertEquals("input", result.stdoutText());
    assertEquals("oops\n", result.stderrText());
    assertEquals(7, result.exitStatus());
    assertNull(result.signal());
    assertTrue(result.wallNanos() > 0);
  }

  @Test
  void passesArgumentsExactly() {
    RunResult result = runner.run(List.of("printf", "%s|", "a b", "\"q\"", "", "$HOME", "'", " ", " x "), NONE, dir,
        new byte[0]);

    assertEquals("a b|\"q\"||$HOME|'| | x |", result.stdoutText());
  }

  @Test
  void givesExactlyTheEnvironmentInItsOrder() {
    Environment environment = new Environment(List.of("Z=1", "A=two words", "M==3", "EMPTY="));

    RunResult result = runner.run(List.of("/usr/bin/env"), environment, dir, new byte[0]);

    assertEquals("Z=1\nA=two words\nM==3\nEMPTY=\n", result.stdoutText());
  }

  @Test
  void runsInTheWorkingDirectory() throws IOException {
    RunResult result = runner.run(List.of("/bin/pwd", "-P"), NONE, dir, new byte[0]);

    assertEquals(dir.toRealPath() + "\n", result.stdoutText());
  }

  @Test
  void reportsDeathBySignalShellStyle() {
    RunResult result = sh("kill -SEGV $$", new byte[0]);

    assertEquals(139, result.exitStatus());
    assertEquals("SIGSEGV", result.signal());
  }

  @Test
  void killsAProcessTreeThatIgnoresSigterm() {
    long start = System.nanoTime();
    ProcessRunner impatient = new ProcessRunner(Duration.ofMillis(300));

    ProcessException e = assertThrows(ProcessException.class, () -> impatient.run(
        List.of("/bin/sh", "-c", "trap '' TERM; sleep 60; sleep 60"), NONE, dir, new byte[0]));

    assertTrue(e.getMessage().contains("did not finish within 300 ms and was killed"), e.getMessage());
    // The pumps only finish once the sleeping child, which holds stdout open, is dead too.
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
  }

  @Test
  void missingExecutableIsAClearError() {
    ProcessException e = assertThrows(ProcessException.class,
        () -> runner.run(List.of(dir.resolve("nope").toString()), NONE, dir, new byte[0]));

    assertTrue(e.getMessage().startsWith("cannot run " + dir.resolve("nope")), e.getMessage());
  }

  @Test
  void shellStatusNamesSignals() {
    assertEquals(137, Signals.shellStatus(-9));
    assertEquals(137, Signals.shellStatus(137));
    assertEquals("SIGKILL", Signals.nameOfStatus(137));
    assertEquals("SIGRTMIN+2", Signals.nameOfStatus(128 + 36));
    assertNull(Signals.nameOfStatus(128));
    assertNull(Signals.nameOfStatus(1));
  }
}
