package elfconv.cli;

import elfconv.codegen.Compiler;
import elfconv.codegen.TranslationCache;
import elfconv.oracle.Environment;
import elfconv.oracle.ProcessRunner;
import elfconv.oracle.QemuOracle;
import elfconv.run.WasmRunner;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Run an AArch64 ELF translated (or under QEMU), or a translated .wasm module. "
    + "Arguments after -- go to the guest; stdio, environment, current directory and exit status pass through.")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--target", defaultValue = "x86_64", description = "x86_64, wasm32 or qemu (default: ${DEFAULT-VALUE})")
  String target;

  @Parameters(index = "0", description = "AArch64 ELF executable, or a .wasm module made by elfconv")
  Path input;

  @Parameters(index = "1..*", description = "guest arguments")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path cwd = Path.of("").toAbsolutePath();
    // The caller's environment in the caller's order; ELFCONV_* entries configure the runtime, which hides them.
    Environment environment = Environment.ofThisProcess();
    List<String> argv = new ArrayList<>(List.of(input.toString()));
    argv.addAll(args);
    if (input.toString().endsWith(".wasm")) {
      return WasmRunner.run(input, argv, environment, cwd, WasmRunner.Stdio.INHERIT).status();
    }
    if (target.equals("qemu")) {
      List<String> command = new ArrayList<>(List.of("qemu-aarch64", "-cpu", QemuOracle.CPU, input.toString()));
      command.addAll(args);
      // QEMU hands its environment to the guest last to first.
      return ProcessRunner.builder(command, environment.withoutOwn().reversed()).inheritIO().start().waitFor();
    }
    Target t = Target.of(target);
    Path output = translated(t);
    if (t == Target.WASM32) {
      return WasmRunner.run(output, argv, environment, cwd, WasmRunner.Stdio.INHERIT).status();
    }
    List<String> command = new ArrayList<>(List.of(output.toString()));
    command.addAll(args);
    // The cached translation sees the ELF's name as argv[0], as under QEMU and in wasmtime.
    return ProcessRunner.builder(command, environment.with("ELFCONV_ARGV0", input.toString())).inheritIO().start()
        .waitFor();
  }

  /** Translations are cached ({@link TranslationCache}): running the same ELF again starts at once. */
  private Path translated(Target t) {
    return TranslationCache.translate(input, new Compiler.Options(t));
  }
}
