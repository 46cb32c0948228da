package elfconv.cli;

import elfconv.codegen.Compiler;
import elfconv.oracle.QemuOracle;
import elfconv.run.WasmRunner;
import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
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
    List<String> argv = new ArrayList<>(List.of(input.toString()));
    argv.addAll(args);
    if (input.toString().endsWith(".wasm")) {
      return WasmRunner.run(input, argv, System.getenv(), cwd, WasmRunner.Stdio.INHERIT).status();
    }
    if (target.equals("qemu")) {
      List<String> command = new ArrayList<>(List.of("qemu-aarch64", "-cpu", QemuOracle.CPU, input.toString()));
      command.addAll(args);
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
    Target t = Target.of(target);
    Path output = translated(t);
    if (t == Target.WASM32) {
      return WasmRunner.run(output, argv, System.getenv(), cwd, WasmRunner.Stdio.INHERIT).status();
    }
    List<String> command = new ArrayList<>(List.of(output.toString()));
    command.addAll(args);
    // The cached translation sees the ELF's name as argv[0], as under QEMU and in wasmtime.
    ProcessBuilder process = new ProcessBuilder(command).inheritIO();
    process.environment().put("ELFCONV_ARGV0", input.toString());
    return process.start().waitFor();
  }

  /**
   * Translations are cached by the content of the input and of elfconv itself, so running the same ELF again
   * starts at once.
   */
  private Path translated(Target t) throws IOException {
    java.security.MessageDigest sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path self = Path.of(URI_OF_ELFCONV);
    if (!Files.isRegularFile(self)) {
      // Running from class folders (a development build): nothing stable to key a cache on.
      Path output = Files.createTempDirectory("elfconv-run-").resolve(input.getFileName().toString());
      return Compiler.compile(input, output, new Compiler.Options(t)).output();
    }
    sha.update(Files.readAllBytes(input));
    sha.update(Files.readAllBytes(self));
    String key = java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    Path output = Toolchain.cacheDir().resolve("translations").resolve(key + (t == Target.WASM32 ? ".wasm" : ".x86_64"));
    if (!Files.exists(output)) {
      Compiler.compile(input, output, new Compiler.Options(t));
    }
    return output;
  }

  /** The jar (or class folder) elfconv runs from. */
  private static final java.net.URI URI_OF_ELFCONV = uriOfElfconv();

  private static java.net.URI uriOfElfconv() {
    try {
      return Compiler.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
