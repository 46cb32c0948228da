package elfconv.codegen;

import elfconv.a64.A64Decoder;
import elfconv.elf.ElfImage;
import elfconv.ir.IrModule;
import elfconv.lift.Discovery;
import elfconv.lift.GuestFunction;
import elfconv.lift.ProgramLifter;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/** The whole pipeline: ELF → functions → LLVM IR + runtime → object → executable or wasm module. */
public final class Compiler {
  /** Programs from this many instructions on take long enough to translate to report progress. */
  private static final int LARGE_PROGRAM = 20_000;
  /** Default guest window: 256 MiB suits a browser tab and the programs elfconv targets. */
  public static final long DEFAULT_WINDOW_SIZE = 256L << 20;

  /**
   * @param emitLlvm also write the optimised LLVM IR next to the output, as OUTPUT.ll
   * @param traceRegisters log the register file before every guest instruction (ELFCONV_REGTRACE=FILE at run
   *     time), for finding where a translation parts from QEMU
   */
  public record Options(Target target, int optLevel, long windowSize, boolean emitLlvm, boolean traceRegisters) {
    public Options(Target target) {
      this(target, 2, DEFAULT_WINDOW_SIZE, false, false);
    }

    public Options withRegisterTrace() {
      return new Options(target, optLevel, windowSize, emitLlvm, true);
    }
  }

  /** What a translation produced. */
  public record Result(Path output, int functions, int instructions, long millis) {}

  private Compiler() {}

  /** Translates; on any error no output file is left behind. */
  public static Result compile(Path input, Path output, Options options) {
    return compile(input, output, options, step -> { });
  }

  /**
   * Translates, telling {@code progress} each step of a large program as it starts (lifting, optimising and
   * generating code, linking), so that a long translation shows where it is.
   */
  public static Result compile(Path input, Path output, Options options, Consumer<String> progress) {
    long start = System.nanoTime();
    ElfImage image = ElfImage.read(input);
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    int instructionCount = functions.stream().mapToInt(GuestFunction::instructionCount).sum();
    Consumer<String> step = instructionCount >= LARGE_PROGRAM ? progress : s -> { };
    step.accept(String.format("%d functions, %d instructions: lifting", functions.size(), instructionCount));
    Path dir = output.toAbsolutePath().getParent();
    Path object = null;
    Path partial = null;
    try {
      Files.createDirectories(dir);
      object = Files.createTempFile(dir, ".elfconv-", ".o");
      partial = Files.createTempFile(dir, ".elfconv-", ".partial");
      try (IrModule m = new IrModule(input.getFileName().toString())) {
        ProgramLifter.lift(image, functions, options.target(), options.windowSize(), options.traceRegisters(), m);
        m.verify();
        step.accept("optimising and generating " + options.target().id() + " code");
        ObjectEmitter.emit(m, options.target(), options.optLevel(), object,
            options.emitLlvm() ? output.resolveSibling(output.getFileName() + ".ll") : null);
      }
      step.accept("linking");
      Linker.link(options.target(), object, partial, options.windowSize());
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (options.target() == Target.X86_64) {
        output.toFile().setExecutable(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(object);
      deleteQuietly(partial);
    }
    return new Result(output, functions.size(), instructionCount, (System.nanoTime() - start) / 1_000_000);
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // A leftover temporary file is harmless.
      }
    }
  }
}
