package elfconv.plugin;

import elfconv.toolchain.Toolchain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Takes one file out of a Debian package of another architecture, such as the executable {@code bin/busybox} from
 * {@code busybox-static:arm64} or the static library {@code usr/lib/aarch64-linux-gnu/libzstd.a} from
 * {@code libzstd-dev:arm64}: {@code apt-get download} fetches the package once into {@code debs/} of the elfconv
 * cache folder, {@code dpkg-deb -x} unpacks it (into the unpack folder's {@code PACKAGE/}, where a library's headers
 * stay for the programs built on it), and the file is copied into the output folder.
 */
@Mojo(name = "fetch-debian-binary", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public final class FetchDebianBinaryMojo extends ElfconvMojo {
  @Parameter(defaultValue = "busybox-static", required = true)
  private String packageName;

  @Parameter(defaultValue = "arm64", required = true)
  private String architecture;

  /** The file's path inside the package. */
  @Parameter(defaultValue = "bin/busybox", required = true)
  private String path;

  @Parameter(defaultValue = "${project.build.directory}/elf", required = true)
  private File outputDirectory;

  @Parameter(defaultValue = "${project.build.directory}/debian", required = true)
  private File unpackDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    useConfiguredCache();
    String spec = packageName + ":" + architecture;
    Path debs = Toolchain.cacheDir().resolve("debs");
    Path output = outputDirectory.toPath().resolve(Path.of(path).getFileName());
    try {
      Files.createDirectories(debs);
      Path deb = cached(debs);
      if (deb == null) {
        run(debs, spec, "apt-get", "download", spec);
        deb = cached(debs);
        if (deb == null) {
          throw new MojoFailureException("apt-get download " + spec + " left no " + packageName + "_*_"
              + architecture + ".deb in " + debs);
        }
      }
      if (Files.exists(output) && Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(deb)) > 0) {
        return;
      }
      Path unpacked = unpackDirectory.toPath().resolve(packageName);
      Files.createDirectories(unpacked);
      run(unpacked, spec, "dpkg-deb", "-x", deb.toString(), unpacked.toString());
      Path file = unpacked.resolve(path);
      if (!Files.isRegularFile(file)) {
        throw new MojoFailureException(deb + " has no " + path);
      }
      Files.createDirectories(output.getParent());
      Files.copy(file, output, StandardCopyOption.REPLACE_EXISTING);
      output.toFile().setExecutable(Files.isExecutable(file));
      getLog().info("Took " + path + " from " + deb.getFileName() + " into " + output);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot fetch " + path + " of " + spec + ": " + e.getMessage(), e);
    }
  }

  private Path cached(Path debs) throws IOException {
    String prefix = packageName + "_";
    String suffix = "_" + architecture + ".deb";
    try (Stream<Path> files = Files.list(debs)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(suffix)).sorted().reduce((a, b) -> b).orElse(null);
    }
  }

  private static void run(Path dir, String spec, String... command) throws MojoFailureException, IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new MojoFailureException("cannot fetch " + spec + ": " + command[0] + " not found (Debian's apt and "
          + "dpkg are needed to get the corpus's Debian programs and libraries)");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (process.waitFor() != 0) {
        List<String> lines = output.lines().toList();
        throw new MojoFailureException("cannot fetch " + spec + ": " + String.join(" ", command) + " failed ("
            + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)) + "): run scripts/setup, which adds "
            + "the " + spec.substring(spec.indexOf(':') + 1) + " architecture to apt");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
