package elfconv.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds static AArch64 glibc ELFs from C sources with the cross compiler: one ELF from one source, or one
 * multi-call ELF from many programs' objects whose {@code main} was renamed.
 *
 * @param libraries linked after the objects (such as a Debian package's {@code libcrypto.a}), before libm
 */
record CrossCompiler(String command, List<String> flags, List<String> libraries) {
  /** The objcopy of each compiler, asked once. */
  private static final Map<String, String> OBJCOPY = new ConcurrentHashMap<>();

  CrossCompiler(String command, List<String> flags) {
    this(command, flags, List.of());
  }

  /**
   * Compiles without linking.
   *
   * @param level the optimisation option, such as {@code -O2}
   * @return the compiler's warnings, empty if none
   * @throws IllegalStateException when the compiler cannot be started or rejects the source (with its messages);
   *     no object is left behind then
   */
  String compileObject(Path source, String level, Path object) throws IOException {
    List<String> line = new ArrayList<>(List.of(command, level));
    line.addAll(flags);
    line.addAll(List.of("-c", "-o", object.toString(), source.toString()));
    return run(line, "compile " + source, object);
  }

  /** Links objects, the libraries and libm into a static ELF; the linker's warnings are returned. */
  String link(List<Path> objects, Path elf) throws IOException {
    List<String> line = new ArrayList<>(List.of(command, "-static", "-o", elf.toString()));
    objects.forEach(o -> line.add(o.toString()));
    line.addAll(libraries);
    line.add("-lm");
    return run(line, "link " + elf, elf);
  }

  /**
   * Copies an object with its {@code main} named {@code entry} and every other symbol it defines made local, so that
   * the objects of many programs link into one ELF without clashing.
   */
  void renameMain(Path object, String entry, Path renamed) throws IOException {
    String objcopy = OBJCOPY.get(command);
    if (objcopy == null) {
      objcopy = run(List.of(command, "-print-prog-name=objcopy"), "find objcopy", null);
      OBJCOPY.put(command, objcopy);
    }
    run(List.of(objcopy, "--redefine-sym", "main=" + entry, "--keep-global-symbol=" + entry, object.toString(),
        renamed.toString()), "rename main in " + object, renamed);
  }

  /** Runs a tool; on failure deletes {@code product} (if not null) and throws with the tool's messages. */
  private String run(List<String> line, String what, Path product) throws IOException {
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
      builder.environment().put("LC_ALL", "C"); // plain ASCII messages, whatever the build's locale
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(line.get(0) + " not found: install the AArch64 cross compiler "
          + "(apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or run scripts/setup) "
          + "or point -Delfconv.crossCompiler at one");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while trying to " + what, e);
    }
    if (status != 0) {
      if (product != null) {
        Files.deleteIfExists(product);
      }
      throw new IllegalStateException("cannot " + what + " (" + String.join(" ", line) + "):\n" + output.strip());
    }
    return output.strip();
  }
}
