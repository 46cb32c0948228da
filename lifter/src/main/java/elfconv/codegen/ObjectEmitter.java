package elfconv.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import elfconv.ir.IrModule;
import elfconv.runtime.GuestLayout;
import elfconv.runtime.RuntimeBitcode;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Links lifted IR with the runtime's bitcode, optimises the whole program and writes a target object file. */
public final class ObjectEmitter {
  private static boolean initialised;
  /** The triple and data layout the runtime was compiled with, which lifted code must share. */
  private record Platform(String triple, String dataLayout) {}

  private static final Map<Target, Platform> PLATFORMS = new ConcurrentHashMap<>();

  private ObjectEmitter() {}

  private static synchronized void initialise() {
    if (!initialised) {
      LLVMInitializeX86TargetInfo();
      LLVMInitializeX86Target();
      LLVMInitializeX86TargetMC();
      LLVMInitializeX86AsmPrinter();
      LLVMInitializeX86AsmParser();
      LLVMInitializeWebAssemblyTargetInfo();
      LLVMInitializeWebAssemblyTarget();
      LLVMInitializeWebAssemblyTargetMC();
      LLVMInitializeWebAssemblyAsmPrinter();
      LLVMInitializeWebAssemblyAsmParser();
      // The SLP vectoriser spends minutes on the long store sequences of register write-backs (85% of -O2 on a
      // static glibc program) and finds nothing worth vectorising there.
      String[] options = {"elfconv", "-vectorize-slp=false"};
      LLVMParseCommandLineOptions(options.length, new PointerPointer<>(options), new BytePointer(""));
      initialised = true;
    }
  }

  /**
   * The IR passes of an optimisation level. The guest code was optimised by its own compiler; what lifting adds is
   * register slots, constant address arithmetic and repeated flag computations, which SROA, EarlyCSE, InstCombine
   * and SimplifyCFG remove in a tenth of the time of LLVM's {@code default<O2>}, with code as fast on the corpus
   * benchmarks. Level 3 runs LLVM's whole {@code default<O3>} pipeline.
   */
  static String passes(int optLevel) {
    return switch (optLevel) {
      case 0 -> null;
      case 3 -> "default<O3>";
      default -> "function(sroa,early-cse,instcombine<no-verify-fixpoint>,simplifycfg)";
    };
  }

  /**
   * Writes the object file of a module of lifted code; with {@code llvmIr} non-null also its optimised IR, for
   * reading what the translation became.
   */
  public static void emit(IrModule lifted, Target target, int optLevel, Path object, Path llvmIr) {
    initialise();
    LLVMModuleRef module = lifted.module();
    Platform platform = PLATFORMS.computeIfAbsent(target, ObjectEmitter::runtimePlatform);
    LLVMSetTarget(module, platform.triple());
    LLVMSetDataLayout(module, platform.dataLayout());
    generate(module, target, optLevel, object, llvmIr);
  }

  /**
   * Links a module of lifted code with the runtime and writes their object file. The runtime's FP helpers become
   * internal unless {@code helpersCalledElsewhere} names them, so that a program that never calls one does not
   * carry it.
   */
  public static void emitWithRuntime(IrModule lifted, Target target, int optLevel, Path object, Path llvmIr,
      Set<String> helpersCalledElsewhere) {
    initialise();
    generate(linkWithRuntime(lifted, target, helpersCalledElsewhere), target, optLevel, object, llvmIr);
  }

  /** The runtime's FP helpers that code in {@code module} calls. */
  public static Set<String> helpersCalled(IrModule module) {
    Set<String> called = new HashSet<>();
    for (String helper : GuestLayout.LIFTED_CODE_HELPERS) {
      LLVMValueRef function = LLVMGetNamedFunction(module.module(), helper);
      if (function != null && !function.isNull() && LLVMGetFirstUse(function) != null
          && !LLVMGetFirstUse(function).isNull()) {
        called.add(helper);
      }
    }
    return called;
  }

  private static void generate(LLVMModuleRef program, Target target, int optLevel, Path object, Path llvmIr) {
    LLVMTargetMachineRef machine = targetMachine(target, codeGenerationLevel(program, target, optLevel));
    try {
      String passes = passes(optLevel);
      if (passes != null) {
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        LLVMErrorRefCheck(LLVMRunPasses(program, passes, machine, options), "optimising");
        LLVMDisposePassBuilderOptions(options);
      }
      if (llvmIr != null) {
        BytePointer error = new BytePointer();
        if (LLVMPrintModuleToFile(program, llvmIr.toString(), error) != 0) {
          throw new IllegalStateException("cannot write " + llvmIr + ": " + error.getString());
        }
      }
      BytePointer error = new BytePointer();
      if (LLVMTargetMachineEmitToFile(machine, program, new BytePointer(object.toString()), LLVMObjectFile, error) != 0) {
        String message = error.getString();
        LLVMDisposeMessage(error);
        throw new IllegalStateException("LLVM could not emit " + target.id() + " code: " + message);
      }
    } finally {
      LLVMDisposeTargetMachine(machine);
    }
  }

  private static LLVMModuleRef linkWithRuntime(IrModule lifted, Target target, Set<String> helpersCalledElsewhere) {
    LLVMModuleRef runtime = parseRuntime(lifted.context(), target);
    LLVMSetTarget(lifted.module(), LLVMGetTarget(runtime));
    LLVMSetDataLayout(lifted.module(), LLVMGetDataLayoutStr(runtime));
    if (LLVMLinkModules2(runtime, lifted.takeModule()) != 0) {
      throw new IllegalStateException("linking lifted code with the runtime failed");
    }
    lifted.replaceModule(runtime);
    for (String helper : GuestLayout.LIFTED_CODE_HELPERS) {
      LLVMValueRef function = LLVMGetNamedFunction(runtime, helper);
      if (function != null && !function.isNull() && !helpersCalledElsewhere.contains(helper)) {
        LLVMSetLinkage(function, LLVMInternalLinkage);
      }
    }
    return runtime;
  }

  private static LLVMModuleRef parseRuntime(LLVMContextRef context, Target target) {
    byte[] bitcode = RuntimeBitcode.load(target.id());
    BytePointer data = new BytePointer(bitcode.length);
    data.put(bitcode);
    LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(data, bitcode.length,
        new BytePointer("runtime-" + target.id()));
    LLVMModuleRef runtime = new LLVMModuleRef();
    if (LLVMParseBitcodeInContext2(context, buffer, runtime) != 0) {
      throw new IllegalStateException("the packaged runtime bitcode for " + target.id() + " does not parse");
    }
    LLVMDisposeMemoryBuffer(buffer);
    return runtime;
  }

  private static Platform runtimePlatform(Target target) {
    LLVMContextRef context = LLVMContextCreate();
    try {
      LLVMModuleRef runtime = parseRuntime(context, target);
      Platform platform = new Platform(LLVMGetTarget(runtime).getString(), LLVMGetDataLayoutStr(runtime).getString());
      LLVMDisposeModule(runtime);
      return platform;
    } finally {
      LLVMContextDispose(context);
    }
  }

  /**
   * wasm32 code generation at level 0 gives every value a local of its own, and engines refuse functions of more
   * than 50,000 locals (glibc's vfscanf lifts to about 47,000 values): a module with a function of more than
   * {@value #WASM32_VALUES_AT_LEVEL_0} values is generated at level 1, which shares locals between values.
   */
  static final int WASM32_VALUES_AT_LEVEL_0 = 20_000;

  static int codeGenerationLevel(LLVMModuleRef module, Target target, int optLevel) {
    if (optLevel > 0 || target != Target.WASM32) {
      return optLevel;
    }
    for (LLVMValueRef f = LLVMGetFirstFunction(module); f != null && !f.isNull(); f = LLVMGetNextFunction(f)) {
      int values = 0;
      for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b != null && !b.isNull(); b = LLVMGetNextBasicBlock(b)) {
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i != null && !i.isNull(); i = LLVMGetNextInstruction(i)) {
          if (LLVMGetTypeKind(LLVMTypeOf(i)) != LLVMVoidTypeKind && ++values > WASM32_VALUES_AT_LEVEL_0) {
            return 1;
          }
        }
      }
    }
    return 0;
  }

  private static LLVMTargetMachineRef targetMachine(Target target, int optLevel) {
    LLVMTargetRef llvmTarget = new LLVMTargetRef();
    BytePointer error = new BytePointer();
    if (LLVMGetTargetFromTriple(new BytePointer(target.triple()), llvmTarget, error) != 0) {
      throw new IllegalStateException("LLVM has no target " + target.triple() + ": " + error.getString());
    }
    String cpu = target == Target.X86_64 ? "x86-64" : "generic";
    int level = switch (optLevel) {
      case 0 -> LLVMCodeGenLevelNone;
      case 1 -> LLVMCodeGenLevelLess;
      case 3 -> LLVMCodeGenLevelAggressive;
      default -> LLVMCodeGenLevelDefault;
    };
    return LLVMCreateTargetMachine(llvmTarget, target.triple(), cpu, "", level, LLVMRelocStatic, LLVMCodeModelDefault);
  }

  private static void LLVMErrorRefCheck(org.bytedeco.llvm.LLVM.LLVMErrorRef error, String what) {
    if (error != null && !error.isNull()) {
      BytePointer message = LLVMGetErrorMessage(error);
      String text = message.getString();
      LLVMDisposeErrorMessage(message);
      throw new IllegalStateException("LLVM failed " + what + ": " + text);
    }
  }
}
