package elfconv.codegen;

import static org.bytedeco.llvm.global.LLVM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import elfconv.ir.IrModule;
import elfconv.toolchain.Target;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;
import org.junit.jupiter.api.Test;

class ObjectEmitterTest {
  /** A module with one function {@code i64 f(i64)} of {@code values} additions in a chain. */
  private static IrModule moduleOf(int values) {
    IrModule m = new IrModule("values");
    LLVMValueRef f = LLVMAddFunction(m.module(), "f", LLVMFunctionType(m.i64, new PointerPointer<>(m.i64), 1, 0));
    LLVMBuilderRef b = LLVMCreateBuilderInContext(m.context());
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(m.context(), f, "entry"));
    LLVMValueRef v = LLVMGetParam(f, 0);
    for (int i = 0; i < values; i++) {
      v = LLVMBuildAdd(b, v, LLVMGetParam(f, 0), "");
    }
    LLVMBuildRet(b, v);
    LLVMDisposeBuilder(b);
    return m;
  }

  @Test
  void wasm32AtLevel0SharesLocalsOnlyInModulesWithAHugeFunction() {
    try (IrModule small = moduleOf(ObjectEmitter.WASM32_VALUES_AT_LEVEL_0);
        IrModule huge = moduleOf(ObjectEmitter.WASM32_VALUES_AT_LEVEL_0 + 1)) {
      assertEquals(0, ObjectEmitter.codeGenerationLevel(small.module(), Target.WASM32, 0));
      assertEquals(1, ObjectEmitter.codeGenerationLevel(huge.module(), Target.WASM32, 0));
      assertEquals(0, ObjectEmitter.codeGenerationLevel(huge.module(), Target.X86_64, 0));
      assertEquals(2, ObjectEmitter.codeGenerationLevel(huge.module(), Target.WASM32, 2));
    }
  }
}
