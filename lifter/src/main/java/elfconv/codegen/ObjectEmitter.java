package elfconv.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import elfconv.ir.IrModule;
import elfconv.runtime.GuestLayout;
import elfconv.runtime.RuntimeBitcode;
import elfconv.toolchain.Target;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Links lifted IR with the runtime's bitcode, optimises the whole program and writes a target object file. */
public final class ObjectEmitter {
  private static boolean initialised;

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
   * Writes the object file; with {@code llvmIr} non-null also the optimised whole-program IR, for reading what
   * the translation became.
   */
  public static void emit(IrModule lifted, Target target, int optLevel, Path object, Path llvmIr) {
    initialise();
    LLVMModuleRef program = linkWithRuntime(lifted, target);
    LLVMTargetMachineRef machine = targetMachine(target, optLevel);
    try {
      if (optLevel > 0) {
        LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
        LLVMErrorRefCheck(LLVMRunPasses(program, "default<O" + optLevel + ">", machine, options), "optimising");
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

  private static LLVMModuleRef linkWithRuntime(IrModule lifted, Target target) {
    byte[] bitcode = RuntimeBitcode.load(target.id());
    BytePointer data = new BytePointer(bitcode.length);
    data.put(bitcode);
    LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(data, bitcode.length,
        new BytePointer("runtime-" + target.id()));
    LLVMModuleRef runtime = new LLVMModuleRef();
    if (LLVMParseBitcodeInContext2(lifted.context(), buffer, runtime) != 0) {
      throw new IllegalStateException("the packaged runtime bitcode for " + target.id() + " does not parse");
    }
    LLVMDisposeMemoryBuffer(buffer);
    LLVMSetTarget(lifted.module(), LLVMGetTarget(runtime));
    LLVMSetDataLayout(lifted.module(), LLVMGetDataLayoutStr(runtime));
    if (LLVMLinkModules2(runtime, lifted.takeModule()) != 0) {
      throw new IllegalStateException("linking lifted code with the runtime failed");
    }
    lifted.replaceModule(runtime);
    for (String helper : GuestLayout.LIFTED_CODE_HELPERS) {
      LLVMValueRef function = LLVMGetNamedFunction(runtime, helper);
      if (function != null && !function.isNull()) {
        LLVMSetLinkage(function, LLVMInternalLinkage);
      }
    }
    return runtime;
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
