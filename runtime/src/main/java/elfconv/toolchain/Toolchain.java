package elfconv.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LLVM command-line tools shipped inside {@code org.bytedeco:llvm} (clang, ld.lld, wasm-ld, llvm-mc,
 * llvm-objdump, llvm-link), extracted once into a cache folder.
 *
 * <p>The cache folder is {@code -Delfconv.cache=DIR} (default {@code ~/.cache/elfconv}); the tools land in
 * {@code DIR/javacpp}. The shipped binaries look for versioned sonames that the jar does not contain, so two
 * symlinks are created next to them; {@code ld.lld} and {@code wasm-ld} are symlinks to the multi-call {@code lld}.
 */
public final class Toolchain {
  public enum Tool {
    CLANG("clang"), LD_LLD("ld.lld"), WASM_LD("wasm-ld"), LLVM_MC("llvm-mc"), LLVM_OBJDUMP("llvm-objdump"),
    LLVM_LINK("llvm-link");

    final String fileName;

    Tool(String fileName) {
      this.fileName = fileName;
    }
  }

  private static Toolchain instance;
  private final Path binDir;

  private Toolchain(Path binDir) {
    this.binDir = binDir;
  }

  /** Cache folder for everything elfconv extracts or builds. */
  public static Path cacheDir() {
    String configured = System.getProperty("elfconv.cache", System.getenv("ELFCONV_CACHE"));
    return configured != null && !configured.isBlank()
        ? Path.of(configured).toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".cache", "elfconv");
  }

  /** Extracts the tools on first use and checks that each one starts. */
  public static synchronized Toolchain get() {
    if (instance == null) {
      instance = extract();
    }
    return instance;
  }

  private static Toolchain extract() {
    Path javacppCache = cacheDir().resolve("javacpp");
    System.setProperty("org.bytedeco.javacpp.cachedir", javacppCache.toString());
    Path clang;
    try {
      clang = Path.of(org.bytedeco.javacpp.Loader.load(org.bytedeco.llvm.program.clang.class));
      org.bytedeco.javacpp.Loader.load(org.bytedeco.llvm.program.llvm.class);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new ToolchainException("cannot extract the bundled LLVM tools into " + javacppCache + ": " + e.getMessage()
          + " (check free disk space, or point -Delfconv.cache at a writable folder)");
    }
    Path dir = clang.getParent();
    try {
      link(dir.resolve("libLLVM.so.20.1"), "libLLVM.so");
      link(dir.resolve("libclang-cpp.so.20.1"), "libclang-cpp.so");
      link(dir.resolve("ld.lld"), "lld");
      link(dir.resolve("wasm-ld"), "lld");
    } catch (IOException e) {
      throw new ToolchainException("cannot create tool links in " + dir + ": " + e.getMessage());
    }
    Toolchain toolchain = new Toolchain(dir);
    Path checked = dir.resolve(".elfconv-tools-checked");
    if (!Files.exists(checked)) {
      // Starting every tool costs about a second: do it once per extraction.
      for (Tool tool : Tool.values()) {
        toolchain.check(tool);
      }
      try {
        Files.createFile(checked);
      } catch (IOException e) {
        // Checked again next time.
      }
    }
    return toolchain;
  }

  private static void link(Path link, String target) throws IOException {
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, Path.of(target));
    }
  }

  public Path path(Tool tool) {
    return binDir.resolve(tool.fileName);
  }

  private void check(Tool tool) {
    Path path = path(tool);
    if (!Files.isExecutable(path)) {
      throw new ToolchainException("bundled tool " + tool.fileName + " is missing at " + path
          + " (delete " + cacheDir().resolve("javacpp") + " to extract again)");
    }
    try {
      run(tool, List.of("--version"), null);
    } catch (ToolchainException e) {
      throw new ToolchainException("bundled tool " + tool.fileName + " at " + path + " does not start: "
          + e.getMessage() + " (delete " + cacheDir().resolve("javacpp") + " to extract again)");
    }
  }

  /**
   * Assembles AArch64 assembly with llvm-mc (include files found next to it) and links it with ld.lld into a
   * static executable entered at {@code _start}, through {@code object}. Extra linker arguments (for example
   * {@code -pie}) are added after the defaults.
   */
  public void assembleAArch64(Path source, Path object, Path elf, String... linkerArgs) {
    Path dir = source.toAbsolutePath().getParent();
    run(Tool.LLVM_MC, List.of("-triple=aarch64", "-filetype=obj", "-I", dir.toString(), "-o", object.toString(),
        source.toString()), dir);
    List<String> link = new ArrayList<>(List.of("-static", "-e", "_start", "-o", elf.toString(), object.toString()));
    link.addAll(List.of(linkerArgs));
    run(Tool.LD_LLD, link, dir);
  }

  /**
   * Runs a tool and returns its standard output; a non-zero exit is a {@link ToolchainException} carrying the
   * tool's own diagnostics.
   */
  public String run(Tool tool, List<String> args, Path workDir) {
    List<String> command = new ArrayList<>();
    command.add(path(tool).toString());
    command.addAll(args);
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (workDir != null) {
        builder.directory(workDir.toFile());
      }
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ToolchainException(tool.fileName + " timed out");
      }
      String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new ToolchainException(tool.fileName + " failed (exit " + process.exitValue() + "): " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new ToolchainException("cannot start " + tool.fileName + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolchainException(tool.fileName + " interrupted");
    }
  }
}
