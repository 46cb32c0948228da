package elfconv.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every {@code NAME.c} in the C folder with the AArch64 cross compiler into static glibc ELFs, one per
 * optimisation level: {@code NAME-O0}, {@code NAME-O2}, ... An ELF newer than its source is left alone.
 */
@Mojo(name = "compile-c", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public final class CompileCMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project.basedir}/src/main/c", required = true)
  private File cDirectory;

  @Parameter(defaultValue = "${project.build.directory}/elf", required = true)
  private File outputDirectory;

  /** The cross compiler: Debian's gcc-aarch64-linux-gnu with libc6-dev-arm64-cross. */
  @Parameter(property = "elfconv.crossCompiler", defaultValue = "aarch64-linux-gnu-gcc", required = true)
  private String compiler;

  @Parameter(defaultValue = "O0,O2", required = true)
  private String optimisationLevels;

  /** Given before the source; {@code -static} and {@code -lm} are always added. */
  @Parameter(defaultValue = "-std=gnu11 -Wall", required = true)
  private String flags;

  /** Static libraries linked into every program, after its source: paths of {@code .a} files or {@code -l} options. */
  @Parameter
  private List<String> libraries;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path cDir = cDirectory.toPath();
    if (!Files.isDirectory(cDir)) {
      getLog().info("No C folder " + cDir + ": nothing to compile");
      return;
    }
    try {
      List<Path> sources = sources(cDir);
      Files.createDirectories(outputDirectory.toPath());
      CrossCompiler crossCompiler = new CrossCompiler(compiler, List.of(flags.strip().split("\\s+")),
          libraries == null ? List.of() : libraries);
      int built = 0;
      int total = 0;
      for (Path source : sources) {
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        for (String level : optimisationLevels.split(",")) {
          Path elf = outputDirectory.toPath().resolve(name + "-" + level.strip());
          total++;
          if (Files.exists(elf) && Files.getLastModifiedTime(elf).compareTo(Files.getLastModifiedTime(source)) > 0) {
            continue;
          }
          String warnings = crossCompiler.compile(source, "-" + level.strip(), elf);
          if (!warnings.isEmpty()) {
            getLog().warn(warnings);
          }
          built++;
        }
      }
      getLog().info("Compiled " + built + " C programs into " + outputDirectory
          + (total > built ? ", " + (total - built) + " up to date" : ""));
    } catch (IllegalStateException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compile the programs in " + cDir + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".c")).sorted()
          .toList();
    }
  }
}
