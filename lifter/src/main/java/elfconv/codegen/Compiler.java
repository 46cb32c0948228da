package elfconv.codegen;

import elfconv.a64.A64Decoder;
import elfconv.elf.ElfFormatException;
import elfconv.elf.ElfImage;
import elfconv.elf.Segment;
import elfconv.ir.IrModule;
import elfconv.lift.Discovery;
import elfconv.lift.GuestFunction;
import elfconv.lift.IllegalInstructions;
import elfconv.lift.ProgramLifter;
import elfconv.toolchain.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** The whole pipeline: ELF → functions → LLVM IR + runtime → object → executable or wasm module. */
public final class Compiler {
  /** Programs from this many instructions on take long enough to translate to report progress. */
  private static final int LARGE_PROGRAM = 20_000;
  /** A partition compiled on its own thread has at least this many instructions: below, threads cost more. */
  private static final int PARTITION_INSTRUCTIONS = 10_000;
  private static final int MAX_PARTITIONS = 8;

  /**
   * @param emitLlvm also write the optimised LLVM IR next to the output, as OUTPUT.ll
   * @param traceRegisters log the register file before every guest instruction (ELFCONV_REGTRACE=FILE at run
   *     time), for finding where a translation parts from QEMU
   */
  public record Options(Target target, int optLevel, long windowSize, boolean emitLlvm, boolean traceRegisters) {
    public Options(Target target) {
      this(target, 2, target.defaultWindowSize(), false, false);
    }

    public Options withRegisterTrace() {
      return new Options(target, optLevel, windowSize, emitLlvm, true);
    }
  }

  /** What a translation produced. */
  /** A translation: its size, its time, and what the user should know of it (one line each). */
  public record Result(Path output, int functions, int instructions, long millis, List<String> warnings) {}

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
    Path dir = output.toAbsolutePath().getParent();
    List<Path> objects = new ArrayList<>();
    Path partial = null;
    Lifted lifted = null;
    try {
      lifted = lift(input, options, progress);
      List<IrModule> modules = lifted.modules();
      int partitions = modules.size();
      Consumer<String> step = lifted.instructions() >= LARGE_PROGRAM ? progress : s -> { };
      Files.createDirectories(dir);
      for (int i = 0; i < partitions; i++) {
        objects.add(Files.createTempFile(dir, ".elfconv-", ".o"));
      }
      partial = Files.createTempFile(dir, ".elfconv-", ".partial");
      step.accept("optimising and generating " + options.target().id() + " code"
          + (partitions > 1 ? " (" + partitions + " parts in parallel)" : ""));
      Set<String> helpersCalledElsewhere = new HashSet<>();
      modules.subList(1, partitions).forEach(m -> helpersCalledElsewhere.addAll(ObjectEmitter.helpersCalled(m)));
      Path llvmIr = options.emitLlvm() ? output.resolveSibling(output.getFileName() + ".ll") : null;
      IntStream.range(0, partitions).parallel().forEach(i -> {
        IrModule m = modules.get(i);
        if (i == 0) {
          ObjectEmitter.emitWithRuntime(m, options.target(), options.optLevel(), objects.get(i), llvmIr,
              helpersCalledElsewhere);
        } else {
          ObjectEmitter.emit(m, options.target(), options.optLevel(), objects.get(i), null);
        }
        m.close();
      });
      step.accept("linking");
      Linker.link(options.target(), objects, partial, options.windowSize());
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (options.target() == Target.X86_64) {
        output.toFile().setExecutable(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      if (lifted != null) {
        lifted.close();
      }
      objects.forEach(Compiler::deleteQuietly);
      deleteQuietly(partial);
    }
    return new Result(output, lifted.functions(), lifted.instructions(), (System.nanoTime() - start) / 1_000_000,
        lifted.warnings());
  }

  /**
   * The front end's work on a program: its functions lifted into verified LLVM modules (one per partition compiled
   * in parallel), which the caller closes.
   */
  public record Lifted(int functions, int instructions, List<String> warnings, List<IrModule> modules)
      implements AutoCloseable {
    @Override
    public void close() {
      modules.forEach(IrModule::close);
    }
  }

  /**
   * The front end: reads and checks the ELF, finds its functions and lifts them into verified modules. A problem
   * of the input is an {@link ElfFormatException} naming it; what reaches code generation is checked IR.
   */
  public static Lifted lift(Path input, Options options, Consumer<String> progress) {
    ElfImage image = ElfImage.read(input);
    if (options.target() == Target.WASM32) {
      checkAboveShadowStack(image);
    }
    List<GuestFunction> functions = Discovery.discover(image, A64Decoder.standard());
    List<String> warnings = IllegalInstructions.warning(image, functions).stream().toList();
    int instructionCount = functions.stream().mapToInt(GuestFunction::instructionCount).sum();
    if (instructionCount >= LARGE_PROGRAM) {
      progress.accept(String.format("%d functions, %d instructions: lifting", functions.size(), instructionCount));
    }
    int partitions = partitions(instructionCount, options);
    List<IrModule> modules = new ArrayList<>();
    try {
      for (int i = 0; i < partitions; i++) {
        modules.add(new IrModule(input.getFileName() + (partitions > 1 ? "." + i : "")));
      }
      ProgramLifter.lift(image, functions, options.target(), options.windowSize(), options.traceRegisters(),
          modules);
      modules.parallelStream().forEach(IrModule::verify);
      return new Lifted(functions.size(), instructionCount, warnings, List.copyOf(modules));
    } catch (RuntimeException e) {
      modules.forEach(IrModule::close);
      throw e;
    }
  }

  private static void checkAboveShadowStack(ElfImage image) {
    for (Segment s : image.segments()) {
      if (s.vaddr() < Target.WASM32_SHADOW_STACK_SIZE) {
        throw new ElfFormatException(String.format("%s: segment at 0x%x lies below 0x%x, which wasm32 keeps for "
            + "the runtime's stack; link the program at a higher address (GNU ld's default is 0x400000) or "
            + "translate it for x86_64", image.path(), s.vaddr(), Target.WASM32_SHADOW_STACK_SIZE));
      }
    }
  }

  /**
   * How many modules to lift and compile in parallel: four per processor for a large program, so that the threads
   * stay busy when one module takes longer than another (busybox for wasm32: 320 s with one per processor, 274 s
   * with four), and one for a small program (or when the whole-program IR is to be written).
   */
  private static int partitions(int instructions, Options options) {
    if (options.emitLlvm()) {
      return 1;
    }
    int processors = Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(Math.min(4 * processors, MAX_PARTITIONS), instructions / PARTITION_INSTRUCTIONS));
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
