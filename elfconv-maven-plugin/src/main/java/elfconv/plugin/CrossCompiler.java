package elfconv.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds static AArch64 glibc ELFs from C or C++ sources with a cross compiler: one ELF from one source, or one
 * multi-call ELF from many programs' objects whose {@code main} was renamed.
 *
 * @param libraries linked after the objects (such as a Debian package's {@code libcrypto.a}), before libm
 */
record CrossCompiler(String command, List<String> flags, List<String> libraries) {
  /** The binutils of each compiler, by compiler and tool name. */
  private static final Map<String, String> TOOLS = new ConcurrentHashMap<>();

  /** nm's letters for weak definitions, and for GNU unique ones (a template's static data). */
  private static final Set<String> WEAK_TYPES = Set.of("W", "V", "u");

  CrossCompiler(String command, List<String> flags) {
    this(command, flags, List.of());
  }

  /** The program a source file builds: its name without {@code .c} or {@code .cpp}; null for other files. */
  static String programOf(Path source) {
    String file = source.getFileName().toString();
    return file.endsWith(".c") ? file.substring(0, file.length() - 2)
        : file.endsWith(".cpp") ? file.substring(0, file.length() - 4) : null;
  }

  static boolean isCxx(Path source) {
    return source.getFileName().toString().endsWith(".cpp");
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
   * the objects of many programs link into one ELF without clashing. Weak symbols stay global: C++ puts inline
   * functions and template instances in COMDAT groups, of which the linker keeps one copy for all objects, and
   * the references of the other objects must still find it.
   */
  void renameMain(Path object, String entry, Path renamed) throws IOException {
    List<String> keep = new ArrayList<>(List.of(entry));
    String symbols = run(List.of(tool("nm"), "--defined-only", "-g", "--format=posix", object.toString()),
        "list the symbols of " + object, null);
    for (String line : symbols.split("\n")) {
      String[] fields = line.split(" ");
      if (fields.length >= 2 && WEAK_TYPES.contains(fields[1])) {
        keep.add(fields[0]);
      }
    }
    Path kept = Path.of(renamed + ".globals");
    Files.write(kept, keep);
    run(List.of(tool("objcopy"), "--redefine-sym", "main=" + entry, "--keep-global-symbols=" + kept,
        object.toString(), renamed.toString()), "rename main in " + object, renamed);
  }

  /** The binutils tool {@code name} of this compiler, asked once. */
  private String tool(String name) throws IOException {
    String key = command + " " + name;
    String path = TOOLS.get(key);
    if (path == null) {
      path = run(List.of(command, "-print-prog-name=" + name), "find " + name, null);
      TOOLS.put(key, path);
    }
    return path;
  }

  /** Runs a tool; on failure deletes {@code product} (if not null) and throws with the tool's messages. */
  private String run(List<String> line, String what, Path product) throws IOException {
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
      builder.environment().put("LC_ALL", "C"); // plain ASCII messages, whatever the build's locale
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(line.get(0) + " not found: install the AArch64 cross compilers "
          + "(apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross, or run "
          + "scripts/setup) or point -Delfconv.crossCompiler (C) and -Delfconv.crossCompilerCxx (C++) at them");
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
