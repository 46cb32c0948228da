package elfconv.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one static AArch64 glibc ELF from one C source with the cross compiler.
 *
 * @param libraries linked after the source (such as a Debian package's {@code libcrypto.a}), before libm
 */
record CrossCompiler(String command, List<String> flags, List<String> libraries) {
  CrossCompiler(String command, List<String> flags) {
    this(command, flags, List.of());
  }

  /**
   * @param level the optimisation option, such as {@code -O2}
   * @return the compiler's warnings, empty if none
   * @throws IllegalStateException when the compiler cannot be started or rejects the source (with its messages);
   *     no ELF is left behind then
   */
  String compile(Path source, String level, Path elf) throws IOException {
    List<String> line = new ArrayList<>(List.of(command, level));
    line.addAll(flags);
    line.addAll(List.of("-static", "-o", elf.toString(), source.toString()));
    line.addAll(libraries);
    line.add("-lm");
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
      builder.environment().put("LC_ALL", "C"); // plain ASCII messages, whatever the build's locale
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(command + " not found: install the AArch64 cross compiler "
          + "(apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or run scripts/setup) "
          + "or point -Delfconv.crossCompiler at one");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling " + source, e);
    }
    if (status != 0) {
      Files.deleteIfExists(elf);
      throw new IllegalStateException("cannot compile " + source + " (" + String.join(" ", line) + "):\n"
          + output.strip());
    }
    return output.strip();
  }
}
