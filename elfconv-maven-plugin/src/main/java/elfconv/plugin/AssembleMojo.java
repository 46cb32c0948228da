package elfconv.plugin;

import elfconv.toolchain.Toolchain;
import elfconv.toolchain.ToolchainException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Assembles every {@code *.s} in the assembly folder into a static AArch64 ELF: {@code llvm-mc -triple=aarch64
 * -filetype=obj}, then {@code ld.lld -static -e _start}. Programs may {@code .include} files from the assembly
 * folder (for example shared helpers in {@code *.inc}). An ELF newer than its source and every {@code *.inc} is
 * left alone. The ELFs are what {@code verify} checks, so by default they are built as test resources.
 */
@Mojo(name = "assemble", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public final class AssembleMojo extends ElfconvMojo {
  @Parameter(defaultValue = "${project.basedir}/src/main/asm", required = true)
  private File asmDirectory;

  @Parameter(defaultValue = "${project.build.directory}/elf", required = true)
  private File outputDirectory;

  @Parameter(defaultValue = "${project.build.directory}/elf-objects", required = true)
  private File objectDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path asmDir = asmDirectory.toPath();
    if (!Files.isDirectory(asmDir)) {
      getLog().info("No assembly folder " + asmDir + ": nothing to assemble");
      return;
    }
    try {
      List<Path> sources = listFiles(asmDir, ".s");
      FileTime newestInclude = newest(listFiles(asmDir, ".inc"));
      Files.createDirectories(outputDirectory.toPath());
      Files.createDirectories(objectDirectory.toPath());
      int built = 0;
      for (Path source : sources) {
        String name = source.getFileName().toString().replaceFirst("\\.s$", "");
        Path elf = outputDirectory.toPath().resolve(name);
        if (upToDate(elf, source, newestInclude)) {
          continue;
        }
        assemble(source, objectDirectory.toPath().resolve(name + ".o"), elf);
        built++;
      }
      int upToDate = sources.size() - built;
      getLog().info("Assembled " + built + " programs into " + outputDirectory
          + (upToDate > 0 ? ", " + upToDate + " up to date" : ""));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot assemble the programs in " + asmDir + ": " + e.getMessage(), e);
    }
  }

  private void assemble(Path source, Path object, Path elf) throws MojoFailureException {
    useConfiguredCache();
    try {
      Toolchain.get().assembleAArch64(source, object, elf);
    } catch (ToolchainException e) {
      throw new MojoFailureException("cannot build " + source + ": " + e.getMessage());
    }
  }

  private static boolean upToDate(Path elf, Path source, FileTime newestInclude) throws IOException {
    if (!Files.exists(elf)) {
      return false;
    }
    FileTime built = Files.getLastModifiedTime(elf);
    return built.compareTo(Files.getLastModifiedTime(source)) > 0 && built.compareTo(newestInclude) > 0;
  }

  private static FileTime newest(List<Path> files) throws IOException {
    FileTime newest = FileTime.fromMillis(0);
    for (Path file : files) {
      FileTime modified = Files.getLastModifiedTime(file);
      newest = modified.compareTo(newest) > 0 ? modified : newest;
    }
    return newest;
  }

  private static List<Path> listFiles(Path dir, String extension) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(extension))
          .sorted().toList();
    }
  }
}
