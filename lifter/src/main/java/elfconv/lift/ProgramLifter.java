package elfconv.lift;

import static org.bytedeco.llvm.global.LLVM.*;

import elfconv.elf.ElfImage;
import elfconv.elf.Segment;
import elfconv.ir.IrBuilder;
import elfconv.ir.IrModule;
import elfconv.runtime.GuestLayout;
import elfconv.toolchain.Target;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lifts a whole program into LLVM modules: a function per guest function, the dispatch table the runtime searches
 * for indirect jumps, and the ELF's loadable bytes with the facts the runtime needs to start the process.
 *
 * <p>The functions are split, in address order, into as many partitions as there are modules, of about equal
 * instruction counts; each partition is lifted (and later compiled) on its own thread, in its own LLVM context.
 * A call into another partition goes to a declaration the linker resolves. The first module also holds the
 * program facts.
 */
public final class ProgramLifter {
  private ProgramLifter() {}

  /**
   * Lifts {@code functions} into {@code modules}, one thread per module. With {@code traceRegisters}, the
   * translation logs the register file before every guest instruction.
   */
  public static void lift(ElfImage image, List<GuestFunction> functions, Target target, long windowSize,
      boolean traceRegisters, List<IrModule> modules) {
    List<Partition> partitions = new ArrayList<>();
    for (List<GuestFunction> part : split(functions, modules.size())) {
      partitions.add(new Partition(modules.get(partitions.size()), part, windowSize));
    }
    Set<Long> entries = new HashSet<>();
    functions.forEach(f -> entries.add(f.entry()));
    partitions.forEach(p -> p.define(entries));

    Map<Long, RegisterUsage> usage = new ConcurrentHashMap<>();
    IntStream.range(0, partitions.size()).parallel().forEach(i -> partitions.get(i).scan(target, usage));
    boolean fpcrWritten = FloatEnvironment.fpcrWritten(functions);
    boolean fpsrRead = traceRegisters || FloatEnvironment.fpsrRead(functions);
    CallGraph calls = new CallGraph(functions);
    boolean flagsShared = traceRegisters || FlagObservability.flagsCrossFunctions(calls, usage);
    CallEffects effects = CallEffects.compute(calls, functions, usage);
    Set<Long> returnsTwice = ReturnsTwice.functions(calls, usage);
    IntStream.range(0, partitions.size()).parallel().forEach(i -> {
      Partition p = partitions.get(i);
      try (IrBuilder ir = new IrBuilder(p.module)) {
        for (GuestFunction f : p.functions) {
          FunctionLifter.lift(ir, p.runtime, target, f, p.function(f.entry()), p::function, effects,
              usage.get(f.entry()), ReturnsTwice.resumePoints(f, returnsTwice), flagsShared, traceRegisters,
              fpcrWritten, fpsrRead);
        }
      }
    });
    emitProgramFacts(image, functions, windowSize, partitions.get(0));
  }

  /** Consecutive runs of functions with about equal instruction counts, none empty. */
  static List<List<GuestFunction>> split(List<GuestFunction> functions, int parts) {
    long total = functions.stream().mapToLong(GuestFunction::instructionCount).sum();
    List<List<GuestFunction>> result = new ArrayList<>();
    List<GuestFunction> current = new ArrayList<>();
    long done = 0;
    for (GuestFunction f : functions) {
      current.add(f);
      done += f.instructionCount();
      if (result.size() < parts - 1 && done * parts >= total * (result.size() + 1)) {
        result.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty() || result.isEmpty()) {
      result.add(current);
    }
    return result;
  }

  /** One module's share of the program: its functions, and declarations of whatever else it calls. */
  private static final class Partition {
    final IrModule module;
    final List<GuestFunction> functions;
    final RuntimeSymbols runtime;
    private final Map<Long, LLVMValueRef> llvmFunctions = new HashMap<>();
    private Set<Long> entries;

    Partition(IrModule module, List<GuestFunction> functions, long windowSize) {
      this.module = module;
      this.functions = functions;
      this.runtime = new RuntimeSymbols(module, windowSize);
    }

    void define(Set<Long> allEntries) {
      this.entries = allEntries;
      for (GuestFunction f : functions) {
        function(f.entry());
      }
    }

    /** The LLVM function of the guest function at {@code address}, declared here on first use; null if none. */
    LLVMValueRef function(long address) {
      if (!entries.contains(address)) {
        return null;
      }
      return llvmFunctions.computeIfAbsent(address,
          a -> LLVMAddFunction(module.module(), GuestFunction.symbol(a), runtime.guestFunctionType));
    }

    void scan(Target target, Map<Long, RegisterUsage> usage) {
      try (IrBuilder ir = new IrBuilder(module)) {
        for (GuestFunction f : functions) {
          usage.put(f.entry(), FunctionLifter.scan(ir, runtime, target, f, this::function));
        }
      }
    }
  }

  private static void emitProgramFacts(ElfImage image, List<GuestFunction> functions, long windowSize,
      Partition first) {
    IrModule m = first.module;
    m.constantGlobal(GuestLayout.ENTRY, m.constInt(64, image.entry()), true);
    m.constantGlobal(GuestLayout.WINDOW_SIZE, m.constInt(64, windowSize), true);
    m.constantGlobal(GuestLayout.PHDR, m.constInt(64, image.phdrAddress()), true);
    m.constantGlobal(GuestLayout.PHENT, m.constInt(64, image.phent()), true);
    m.constantGlobal(GuestLayout.PHNUM, m.constInt(64, image.phnum()), true);

    // The dispatch table (elfconv.h's FunctionSlot): at least twice as many slots as functions.
    int mask = Integer.highestOneBit(Math.max(2 * functions.size(), 2)) * 2 - 1;
    LLVMValueRef empty = m.constStruct(m.constInt(64, 0), LLVMConstNull(m.ptr));
    LLVMValueRef[] slots = new LLVMValueRef[mask + 1];
    Arrays.fill(slots, empty);
    for (GuestFunction f : functions) {
      int s = GuestLayout.functionSlot(f.entry(), mask);
      while (slots[s] != empty) {
        s = (s + 1) & mask;
      }
      slots[s] = m.constStruct(m.constInt(64, f.entry()), first.function(f.entry()));
    }
    m.constantGlobal(GuestLayout.FUNCTION_MASK, m.constInt(32, mask), true);
    m.constantGlobal(GuestLayout.FUNCTION_SLOTS, m.constArray(LLVMTypeOf(empty), slots), true);

    List<Segment> segments = image.segments();
    LLVMValueRef[] descriptors = new LLVMValueRef[segments.size()];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      descriptors[i] = m.constStruct(m.constInt(64, s.vaddr()), m.constInt(64, s.fileSize()),
          m.constInt(64, s.memSize()), m.constInt(64, bytes.size()));
      bytes.writeBytes(image.fileBytes(s));
    }
    m.constantGlobal(GuestLayout.SEGMENT_COUNT, m.constInt(32, segments.size()), true);
    m.constantGlobal(GuestLayout.SEGMENTS, m.constArray(LLVMTypeOf(descriptors[0]), descriptors), true);
    m.constantGlobal(GuestLayout.IMAGE, m.constBytes(bytes.toByteArray()), true);
  }
}
