package elfconv.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
          compile(source, "-" + level.strip(), elf);
          built++;
        }
      }
      getLog().info("Compiled " + built + " C programs into " + outputDirectory
          + (total > built ? ", " + (total - built) + " up to date" : ""));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compile the programs in " + cDir + ": " + e.getMessage(), e);
    }
  }

  private void compile(Path source, String level, Path elf)
      throws IOException, MojoFailureException, MojoExecutionException {
    List<String> command = new ArrayList<>(List.of(compiler, level));
    command.addAll(List.of(flags.strip().split("\\s+")));
    command.addAll(List.of("-static", "-o", elf.toString(), source.toString(), "-lm"));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new MojoFailureException(compiler + " not found: install the AArch64 cross compiler "
          + "(apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or run scripts/setup) "
          + "or point -Delfconv.crossCompiler at one");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        Files.deleteIfExists(elf);
        throw new MojoFailureException("cannot compile " + source + " (" + String.join(" ", command) + "):\n"
            + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while compiling " + source, e);
    }
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".c")).sorted()
          .toList();
    }
  }
}
