package elfconv.runtime;

import elfconv.toolchain.Target;
import elfconv.toolchain.Toolchain;
import elfconv.toolchain.ToolchainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles the C runtime ({@code common/*.c} plus {@code <target>/*.c}) with the bundled clang and links each target's
 * files into one bitcode module, {@code runtime-<target>.bc}. Run by the build at process-classes; outputs newer than
 * every source (and than the classes holding the flags) are left alone.
 */
public final class RuntimeBuild {
  /**
   * Flags for every target. Not {@code -ffreestanding}: clang would mark every function "no-builtins", so memcpy
   * calls would stay calls and the runtime could not be inlined into lifted code; {@code -nostdlibinc} alone keeps
   * libc headers out, leaving only clang's own (stdint.h, stddef.h, stdarg.h, stdbool.h).
   */
  static final List<String> C_FLAGS = List.of("-std=c17", "-O2", "-nostdlibinc", "-fno-stack-protector", "-Wall",
      "-Wextra", "-Werror");

  private RuntimeBuild() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: RuntimeBuild C_SOURCE_DIR OUTPUT_DIR");
      System.exit(2);
    }
    try {
      build(Path.of(args[0]), Path.of(args[1]));
    } catch (ToolchainException | UncheckedIOException e) {
      System.err.println("runtime build failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Builds every target's bitcode from {@code srcDir} into {@code outDir} unless it is up to date. */
  public static void build(Path srcDir, Path outDir) {
    FileTime newestInput = newestInput(srcDir);
    for (Target target : Target.values()) {
      Path output = outDir.resolve(RuntimeBitcode.fileName(target));
      if (!isUpToDate(output, newestInput)) {
        buildTarget(srcDir, target, output);
      }
    }
  }

  private static void buildTarget(Path srcDir, Target target, Path output) {
    Toolchain tools = Toolchain.get();
    Path work = createTempDirectory(target);
    try {
      List<String> modules = sources(srcDir, target).parallelStream()
          .map(source -> compile(tools, srcDir, target, source, work))
          .toList();
      Files.createDirectories(output.getParent());
      Path partial = work.resolve(output.getFileName());
      List<String> args = new ArrayList<>(modules);
      args.addAll(List.of("-o", partial.toString()));
      tools.run(Toolchain.Tool.LLVM_LINK, args, null);
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    } finally {
      deleteRecursively(work);
    }
  }

  private static String compile(Toolchain tools, Path srcDir, Target target, Path source, Path work) {
    String name = srcDir.relativize(source).toString().replace('/', '-').replaceFirst("\\.c$", ".bc");
    Path module = work.resolve(name);
    List<String> args = new ArrayList<>(target.clangTargetArguments());
    args.addAll(C_FLAGS);
    args.addAll(List.of("-I", srcDir.toString(), "-emit-llvm", "-c", source.toString(), "-o", module.toString()));
    tools.run(Toolchain.Tool.CLANG, args, null);
    return module.toString();
  }

  /** The shared sources and the target's own, in a stable order. */
  static List<Path> sources(Path srcDir, Target target) {
    List<Path> sources = new ArrayList<>();
    for (Path dir : List.of(srcDir.resolve("common"), srcDir.resolve(target.id()))) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(file -> file.toString().endsWith(".c")).sorted().forEach(sources::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list runtime sources in " + dir, e);
      }
    }
    return sources;
  }

  private static boolean isUpToDate(Path output, FileTime newestInput) {
    try {
      return Files.exists(output) && Files.getLastModifiedTime(output).compareTo(newestInput) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The newest of the C sources and headers and of the classes that hold the compiler flags. */
  private static FileTime newestInput(Path srcDir) {
    List<Path> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(srcDir)) {
      files.filter(Files::isRegularFile).forEach(inputs::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list runtime sources in " + srcDir, e);
    }
    classFile(RuntimeBuild.class).ifPresent(inputs::add);
    classFile(Target.class).ifPresent(inputs::add);
    return inputs.stream().map(RuntimeBuild::lastModified).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the time of " + file, e);
    }
  }

  /** The class file of {@code type} when it was loaded from a folder (as during the build), else empty. */
  private static Optional<Path> classFile(Class<?> type) {
    URL url = type.getResource(type.getSimpleName() + ".class");
    try {
      return url != null && url.getProtocol().equals("file") ? Optional.of(Path.of(url.toURI())) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Path createTempDirectory(Target target) {
    try {
      return Files.createTempDirectory("elfconv-runtime-" + target.id());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // Leftovers in the temporary folder are harmless.
    }
  }
}
