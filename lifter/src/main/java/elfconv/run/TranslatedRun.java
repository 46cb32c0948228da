package elfconv.run;

import elfconv.oracle.ProcessRunner;
import elfconv.oracle.RunResult;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a translated program to completion with given stdin, capturing what it did: an x86_64 executable as a
 * host process, a wasm32 module in wasmtime (its standard streams through files beside it in {@code cwd}).
 *
 * @param result exit status, stdout, stderr and run time (for wasm32 without the engine's compilation)
 * @param engineCompileNanos wasmtime's compilation of the module to machine code (0 for x86_64)
 */
public record TranslatedRun(RunResult result, long engineCompileNanos) {

  /** A run with empty stdin. */
  public static TranslatedRun run(Target target, Path program, List<String> argv, Map<String, String> env, Path cwd,
      Duration timeLimit) {
    return run(target, program, argv, env, cwd, new byte[0], timeLimit);
  }

  /**
   * @param argv the program's argv; for x86_64 its first element is also how the executable is found from
   *     {@code cwd}
   * @param env variables added to this process's environment (ELFCONV_* ones configure the runtime)
   */
  public static TranslatedRun run(Target target, Path program, List<String> argv, Map<String, String> env, Path cwd,
      byte[] stdin, Duration timeLimit) {
    if (target == Target.X86_64) {
      return new TranslatedRun(new ProcessRunner(timeLimit).run(argv, env, cwd, stdin), 0);
    }
    try {
      Path stdinFile = Files.write(cwd.resolve(".elfconv-stdin"), stdin);
      Path stdout = cwd.resolve(".elfconv-stdout");
      Path stderr = cwd.resolve(".elfconv-stderr");
      Map<String, String> environment = new TreeMap<>(System.getenv());
      environment.putAll(env);
      WasmRunner.Outcome outcome = WasmRunner.run(program, argv, environment, cwd,
          new WasmRunner.Stdio(stdinFile, stdout, stderr));
      return new TranslatedRun(new RunResult(outcome.status(), null, Files.readAllBytes(stdout),
          Files.readAllBytes(stderr), List.of(), outcome.runNanos()), outcome.compileNanos());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
