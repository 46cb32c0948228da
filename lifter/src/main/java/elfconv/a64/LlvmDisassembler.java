package elfconv.a64;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.llvm.LLVM.LLVMDisasmContextRef;

/** LLVM's own A64 disassembler (cortex-a72 features): the independent reference for error messages and tests. */
public final class LlvmDisassembler {
  static {
    elfconv.ir.JavaCppSettings.apply();
  }

  private static LLVMDisasmContextRef context;

  private LlvmDisassembler() {}

  private static synchronized LLVMDisasmContextRef context() {
    if (context == null) {
      LLVMInitializeAArch64TargetInfo();
      LLVMInitializeAArch64TargetMC();
      LLVMInitializeAArch64Disassembler();
      context = LLVMCreateDisasmCPU("aarch64-linux-gnu", "cortex-a72", null, 0, null, null);
      if (context == null || context.isNull()) {
        throw new IllegalStateException("LLVM has no AArch64 disassembler");
      }
    }
    return context;
  }

  /** LLVM's text for a word (tabs folded to spaces), or null when LLVM says it is not an instruction. */
  public static synchronized String disassemble(long address, int word) {
    byte[] bytes = {(byte) word, (byte) (word >> 8), (byte) (word >> 16), (byte) (word >> 24)};
    BytePointer in = new BytePointer(4);
    in.put(bytes);
    BytePointer out = new BytePointer(256);
    out.zero();
    long size = LLVMDisasmInstruction(context(), in, 4, address, out, 256);
    String raw = out.getString();
    int end = raw.indexOf('\0');
    String text = size == 0 ? null : (end < 0 ? raw : raw.substring(0, end)).strip().replace('\t', ' ');
    in.close();
    out.close();
    return text;
  }
}
