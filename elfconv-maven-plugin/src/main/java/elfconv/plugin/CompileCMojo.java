package elfconv.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every {@code NAME.c} and {@code NAME.cpp} in the source folder with the AArch64 cross compilers into
 * static glibc ELFs (C++ with libstdc++), one per optimisation level: {@code NAME-O0}, {@code NAME-O2}, ... With
 * {@code multiCall} set, the programs of each level are also linked into one multi-call ELF. Whatever is newer
 * than what it is built from is left alone.
 */
@Mojo(name = "compile-c", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public final class CompileCMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project.basedir}/src/main/c", required = true)
  private File cDirectory;

  @Parameter(defaultValue = "${project.build.directory}/elf", required = true)
  private File outputDirectory;

  /** The programs' object files, kept so that only a changed source is compiled again. */
  @Parameter(defaultValue = "${project.build.directory}/c-objects", required = true)
  private File objectDirectory;

  /** The cross compiler: Debian's gcc-aarch64-linux-gnu with libc6-dev-arm64-cross. */
  @Parameter(property = "elfconv.crossCompiler", defaultValue = "aarch64-linux-gnu-gcc", required = true)
  private String compiler;

  /** The C++ cross compiler: Debian's g++-aarch64-linux-gnu. */
  @Parameter(property = "elfconv.crossCompilerCxx", defaultValue = "aarch64-linux-gnu-g++", required = true)
  private String cxxCompiler;

  @Parameter(defaultValue = "O0,O2", required = true)
  private String optimisationLevels;

  /** Given before the source; {@code -static} and {@code -lm} are always added. */
  @Parameter(defaultValue = "-std=gnu11 -Wall", required = true)
  private String flags;

  /** Given before a C++ source. */
  @Parameter(defaultValue = "-std=gnu++17 -Wall", required = true)
  private String cxxFlags;

  /** Static libraries linked into every program, after its source: paths of {@code .a} files or {@code -l} options. */
  @Parameter
  private List<String> libraries;

  /**
   * The name of a multi-call ELF to build per level as well, {@code MULTICALL-O2}: the same programs' objects in
   * one ELF, its first argument naming the program ({@code c-programs-O2 hello ARG...} runs hello's main with
   * {@code hello ARG...}). Programs that share one ELF share its translation, glibc included.
   */
  @Parameter
  private String multiCall;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path cDir = cDirectory.toPath();
    if (!Files.isDirectory(cDir)) {
      getLog().info("No source folder " + cDir + ": nothing to compile");
      return;
    }
    try {
      List<Path> sources = sources(cDir);
      Files.createDirectories(outputDirectory.toPath());
      Files.createDirectories(objectDirectory.toPath());
      List<String> libs = libraries == null ? List.of() : libraries;
      CrossCompiler c = new CrossCompiler(compiler, List.of(flags.strip().split("\\s+")), libs);
      CrossCompiler cxx = new CrossCompiler(cxxCompiler, List.of(cxxFlags.strip().split("\\s+")), libs);
      boolean anyCxx = sources.stream().anyMatch(CrossCompiler::isCxx);
      int built = 0;
      int total = 0;
      for (String level : optimisationLevels.split(",")) {
        String option = "-" + level.strip();
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Path source : sources) {
          String name = CrossCompiler.programOf(source);
          CrossCompiler crossCompiler = CrossCompiler.isCxx(source) ? cxx : c;
          String program = name + option;
          Path object = objectDirectory.toPath().resolve(program + ".o");
          Path elf = outputDirectory.toPath().resolve(program);
          total++;
          if (!newer(object, source) || !newer(elf, object)) {
            warn(crossCompiler.compileObject(source, option, object));
            warn(crossCompiler.link(List.of(object), elf));
            built++;
          }
          if (multiCall != null) {
            Path entry = objectDirectory.toPath().resolve(program + ".entry.o");
            if (!newer(entry, object)) {
              crossCompiler.renameMain(object, entryPoint(name), entry);
            }
            entries.put(name, entry);
          }
        }
        if (multiCall != null && linkMultiCall(c, anyCxx ? cxx : c, option, entries)) {
          built++;
        }
      }
      getLog().info("Compiled " + built + " programs into " + outputDirectory
          + (total > built ? ", " + (total - built) + " up to date" : ""));
    } catch (IllegalStateException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compile the programs in " + cDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Links the multi-call ELF of one level with {@code linker} (the C++ driver when a program is C++) unless it is
   * newer than all its programs; true if it was linked.
   */
  private boolean linkMultiCall(CrossCompiler c, CrossCompiler linker, String option, Map<String, Path> entries)
      throws IOException {
    Path elf = outputDirectory.toPath().resolve(multiCall + option);
    boolean upToDate = Files.exists(elf);
    for (Path entry : entries.values()) {
      upToDate &= newer(elf, entry);
    }
    if (upToDate) {
      return false;
    }
    Path dispatcher = objectDirectory.toPath().resolve(multiCall + option + ".c");
    Files.writeString(dispatcher, dispatcherSource(entries.keySet()));
    Path dispatcherObject = objectDirectory.toPath().resolve(multiCall + option + ".o");
    warn(c.compileObject(dispatcher, option, dispatcherObject));
    List<Path> objects = new ArrayList<>(List.of(dispatcherObject));
    objects.addAll(entries.values());
    warn(linker.link(objects, elf));
    return true;
  }

  /** The multi-call ELF's main: it calls the main of the program its first argument names. */
  static String dispatcherSource(Collection<String> names) {
    StringBuilder c = new StringBuilder("""
        /* Generated by elfconv's compile-c: runs the program the first argument names. */
        #include <stdio.h>
        #include <string.h>

        """);
    names.forEach(name -> c.append("int ").append(entryPoint(name)).append("();\n"));
    c.append("\nstatic const struct { const char *name; int (*main)(); } programs[] = {\n");
    names.forEach(name -> c.append("  {\"").append(name).append("\", ").append(entryPoint(name)).append("},\n"));
    c.append("""
        };

        int main(int argc, char **argv, char **envp) {
          for (size_t i = 0; argc > 1 && i < sizeof programs / sizeof programs[0]; i++) {
            if (strcmp(argv[1], programs[i].name) == 0) {
              return programs[i].main(argc - 1, argv + 1, envp);
            }
          }
          fprintf(stderr, "usage: %s PROGRAM [ARGUMENT...], PROGRAM one of:", argv[0]);
          for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
            fprintf(stderr, " %s", programs[i].name);
          }
          fputc('\\n', stderr);
          return 2;
        }
        """);
    return c.toString();
  }

  private static String entryPoint(String name) {
    return "elfconv_main_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private void warn(String warnings) {
    if (!warnings.isEmpty()) {
      getLog().warn(warnings);
    }
  }

  private static boolean newer(Path file, Path than) throws IOException {
    return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && CrossCompiler.programOf(f) != null).sorted().toList();
    }
  }
}
