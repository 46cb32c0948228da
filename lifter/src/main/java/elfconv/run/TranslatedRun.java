package elfconv.run;

import elfconv.oracle.Environment;
import elfconv.oracle.ProcessRunner;
import elfconv.oracle.RunResult;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a translated program to completion with given stdin, capturing what it did: an x86_64 executable as a
 * host process, a wasm32 module in wasmtime (its standard streams through temporary files). The program is
 * started by its own path and sees {@code argv} (argv[0] through ELFCONV_ARGV0 on x86_64), so that {@code cwd}
 * holds only what the guest itself creates there, as under QEMU.
 *
 * @param result exit status, stdout, stderr and run time (for wasm32 without the engine's compilation)
 * @param engineCompileNanos wasmtime's compilation of the module to machine code (0 for x86_64)
 */
public record TranslatedRun(RunResult result, long engineCompileNanos) {

  /** A run with empty stdin. */
  public static TranslatedRun run(Target target, Path program, List<String> argv, Environment environment, Path cwd,
      Duration timeLimit) {
    return run(target, program, argv, environment, cwd, new byte[0], timeLimit);
  }

  /**
   * @param argv the program's argv
   * @param environment the guest's environment, in order, where PWD is set to {@code cwd}; ELFCONV_* entries
   *     configure the runtime, which hides them from the guest
   */
  public static TranslatedRun run(Target target, Path program, List<String> argv, Environment environment, Path cwd,
      byte[] stdin, Duration timeLimit) {
    Environment env = environment.with("PWD", cwd.toAbsolutePath().toString());
    if (target == Target.X86_64) {
      List<String> command = new ArrayList<>(List.of(program.toAbsolutePath().toString()));
      command.addAll(argv.subList(1, argv.size()));
      return new TranslatedRun(new ProcessRunner(timeLimit).run(command, env.with("ELFCONV_ARGV0", argv.get(0)), cwd,
          stdin), 0);
    }
    Path streams = null;
    try {
      streams = Files.createTempDirectory("elfconv-streams-");
      Path stdinFile = Files.write(streams.resolve("stdin"), stdin);
      Path stdout = streams.resolve("stdout");
      Path stderr = streams.resolve("stderr");
      WasmRunner.Outcome outcome = WasmRunner.run(program, argv, env, cwd,
          new WasmRunner.Stdio(stdinFile, stdout, stderr));
      return new TranslatedRun(new RunResult(outcome.status(), null, Files.readAllBytes(stdout),
          Files.readAllBytes(stderr), List.of(), outcome.runNanos()), outcome.compileNanos());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (streams != null) {
        for (String name : List.of("stdin", "stdout", "stderr")) {
          streams.resolve(name).toFile().delete();
        }
        streams.toFile().delete();
      }
    }
  }
}
