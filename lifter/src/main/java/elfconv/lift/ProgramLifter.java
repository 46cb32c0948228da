package elfconv.lift;

import static org.bytedeco.llvm.global.LLVM.*;

import elfconv.elf.ElfImage;
import elfconv.elf.Segment;
import elfconv.ir.IrBuilder;
import elfconv.ir.IrModule;
import elfconv.runtime.GuestLayout;
import elfconv.toolchain.Target;
import java.io.ByteArrayOutputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lifts a whole program into one LLVM module: a function per guest function, the dispatch table the runtime
 * searches for indirect jumps, and the ELF's loadable bytes with the facts the runtime needs to start the process.
 */
public final class ProgramLifter {
  private ProgramLifter() {}

  /** With {@code traceRegisters}, the translation logs the register file before every guest instruction. */
  public static void lift(ElfImage image, List<GuestFunction> functions, Target target, long windowSize,
      boolean traceRegisters, IrModule m) {
    RuntimeSymbols runtime = new RuntimeSymbols(m, windowSize);
    Map<Long, LLVMValueRef> llvmFunctions = new HashMap<>();
    for (GuestFunction f : functions) {
      LLVMValueRef fn = LLVMAddFunction(m.module(), f.symbol(), runtime.guestFunctionType);
      LLVMSetLinkage(fn, LLVMInternalLinkage);
      llvmFunctions.put(f.entry(), fn);
    }
    try (IrBuilder ir = new IrBuilder(m)) {
      boolean fpcrWritten = FloatEnvironment.fpcrWritten(functions);
      boolean fpsrRead = traceRegisters || FloatEnvironment.fpsrRead(functions);
      Map<Long, RegisterUsage> usage = new HashMap<>();
      for (GuestFunction f : functions) {
        usage.put(f.entry(), FunctionLifter.scan(ir, runtime, target, f, llvmFunctions::get));
      }
      boolean flagsShared = traceRegisters || FlagObservability.flagsCrossFunctions(functions, usage);
      Map<Long, BitSet> clobbers = CallClobbers.compute(functions, usage, llvmFunctions::containsKey);
      for (GuestFunction f : functions) {
        FunctionLifter.lift(ir, runtime, target, f, llvmFunctions.get(f.entry()), llvmFunctions::get,
            clobbers::get, usage.get(f.entry()), flagsShared, traceRegisters, fpcrWritten, fpsrRead);
      }
    }
    emitProgramFacts(image, functions, windowSize, m, llvmFunctions);
  }

  private static void emitProgramFacts(ElfImage image, List<GuestFunction> functions, long windowSize, IrModule m,
      Map<Long, LLVMValueRef> llvmFunctions) {
    m.constantGlobal(GuestLayout.ENTRY, m.constInt(64, image.entry()), true);
    m.constantGlobal(GuestLayout.WINDOW_SIZE, m.constInt(64, windowSize), true);
    m.constantGlobal(GuestLayout.PHDR, m.constInt(64, image.phdrAddress()), true);
    m.constantGlobal(GuestLayout.PHENT, m.constInt(64, image.phent()), true);
    m.constantGlobal(GuestLayout.PHNUM, m.constInt(64, image.phnum()), true);

    LLVMValueRef[] addrs = new LLVMValueRef[functions.size()];
    LLVMValueRef[] ptrs = new LLVMValueRef[functions.size()];
    for (int i = 0; i < functions.size(); i++) {
      addrs[i] = m.constInt(64, functions.get(i).entry());
      ptrs[i] = llvmFunctions.get(functions.get(i).entry());
    }
    m.constantGlobal(GuestLayout.FUNCTION_COUNT, m.constInt(32, functions.size()), true);
    m.constantGlobal(GuestLayout.FUNCTION_ADDRS, m.constArray(m.i64, addrs), true);
    m.constantGlobal(GuestLayout.FUNCTION_PTRS, m.constArray(m.ptr, ptrs), true);

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
