package elfconv.cli;

import elfconv.codegen.Compiler;
import elfconv.codegen.TranslationCache;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile", description = "Translate an AArch64 ELF into an x86_64 executable or a wasm32 WASI module.")
final class CompileCommand implements Callable<Integer> {
  @Option(names = "--target", defaultValue = "x86_64", description = "x86_64 or wasm32 (default: ${DEFAULT-VALUE})")
  String target;

  @Option(names = "-O", defaultValue = "2", description = "LLVM optimisation level 0-3 (default: ${DEFAULT-VALUE})")
  int optLevel;

  @Option(names = "--guest-memory", paramLabel = "SIZE", description = "the guest's address space, [0, SIZE): "
      + "x86_64 a power of two from 64M to 1T (default 1T, reserved, not allocated), wasm32 a multiple of 64K up to "
      + "1920M (default 256M, linear memory the engine allocates); suffixes K, M, G, T")
  String guestMemory;

  @Option(names = "--emit-llvm", description = "also write the optimised LLVM IR as OUT.ll")
  boolean emitLlvm;

  @Option(names = "--no-cache", description = "translate even when the translation cache has this translation")
  boolean noCache;

  @Option(names = "-o", required = true, description = "output file")
  Path output;

  @Parameters(index = "0", description = "statically linked AArch64 Linux ELF executable")
  Path input;

  @Override
  public Integer call() {
    if (optLevel < 0 || optLevel > 3) {
      throw new IllegalArgumentException("-O" + optLevel + ": use -O0 to -O3");
    }
    long start = System.nanoTime();
    Target t = Target.of(target);
    long window = guestMemory == null ? t.defaultWindowSize() : t.checkedWindowSize(size(guestMemory), guestMemory);
    Compiler.Options options = new Compiler.Options(t, optLevel, window, emitLlvm, false);
    Consumer<String> progress =
        step -> System.err.printf("elfconv: %s: %s (%.1f s)%n", input, step, (System.nanoTime() - start) / 1e9);
    // The IR is written only by a compilation; a translation alone may come from the cache.
    Optional<Compiler.Result> compiled = emitLlvm || noCache
        ? Optional.of(Compiler.compile(input, output, options, progress))
        : TranslationCache.translateTo(input, output, options, progress);
    List<String> warnings = compiled.map(Compiler.Result::warnings)
        .orElseGet(() -> TranslationCache.warnings(input, options));
    warnings.forEach(w -> System.err.printf("elfconv: %s: warning: %s%n", input, w));
    if (compiled.isPresent()) {
      Compiler.Result r = compiled.get();
      System.err.printf("elfconv: %s -> %s (%s): %d functions, %d instructions, %d ms%n", input, output, target,
          r.functions(), r.instructions(), r.millis());
    } else {
      System.err.printf("elfconv: %s -> %s (%s): unchanged, from the translation cache, %d ms%n", input, output,
          target, (System.nanoTime() - start) / 1_000_000);
    }
    return 0;
  }

  /** A size in bytes: digits with an optional binary suffix K, M, G or T. */
  static long size(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})([KMGT]?)").matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--guest-memory " + text + ": expected a size such as 256M, 3G or 1T");
    }
    int shift = switch (m.group(2)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    return Long.parseLong(m.group(1)) << shift;
  }
}
