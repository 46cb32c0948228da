package elfconv.ir;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** An LLVM context and module, with the types and metadata lifted code uses. Owns both: close it. */
public final class IrModule implements AutoCloseable {
  static {
    JavaCppSettings.apply();
  }

  LLVMContextRef context;
  private LLVMModuleRef module;
  public final LLVMTypeRef i1;
  public final LLVMTypeRef i8;
  public final LLVMTypeRef i16;
  public final LLVMTypeRef i32;
  public final LLVMTypeRef i64;
  public final LLVMTypeRef i128;
  public final LLVMTypeRef f32;
  public final LLVMTypeRef f64;
  public final LLVMTypeRef ptr;
  public final LLVMTypeRef voidType;
  /** TBAA access tags: guest registers and guest memory never alias, which lets LLVM keep registers in SSA. */
  final LLVMValueRef tbaaState;
  final LLVMValueRef tbaaMemory;
  final int tbaaKind;

  public IrModule(String name) {
    context = LLVMContextCreate();
    module = LLVMModuleCreateWithNameInContext(name, context);
    i1 = LLVMInt1TypeInContext(context);
    i8 = LLVMInt8TypeInContext(context);
    i16 = LLVMInt16TypeInContext(context);
    i32 = LLVMInt32TypeInContext(context);
    i64 = LLVMInt64TypeInContext(context);
    i128 = LLVMIntTypeInContext(context, 128);
    f32 = LLVMFloatTypeInContext(context);
    f64 = LLVMDoubleTypeInContext(context);
    ptr = LLVMPointerTypeInContext(context, 0);
    voidType = LLVMVoidTypeInContext(context);
    tbaaKind = LLVMGetMDKindIDInContext(context, "tbaa", 4);
    LLVMMetadataRef root = mdNode(mdString("elfconv"));
    tbaaState = accessTag(root, "guest register");
    tbaaMemory = accessTag(root, "guest memory");
  }

  private LLVMMetadataRef mdString(String s) {
    return LLVMMDStringInContext2(context, s, s.length());
  }

  private LLVMMetadataRef mdNode(LLVMMetadataRef... elements) {
    return LLVMMDNodeInContext2(context, new PointerPointer<>(elements), elements.length);
  }

  private LLVMValueRef accessTag(LLVMMetadataRef root, String name) {
    LLVMMetadataRef zero = LLVMValueAsMetadata(LLVMConstInt(i64, 0, 0));
    LLVMMetadataRef type = mdNode(mdString(name), root, zero);
    return LLVMMetadataAsValue(context, mdNode(type, type, zero));
  }

  public LLVMModuleRef module() {
    return module;
  }

  public LLVMContextRef context() {
    return context;
  }

  /** Hands the module over (for example to the linker, which consumes it); this object keeps the context. */
  public LLVMModuleRef takeModule() {
    LLVMModuleRef m = module;
    module = null;
    return m;
  }

  public void replaceModule(LLVMModuleRef replacement) {
    module = replacement;
  }

  public LLVMTypeRef intType(int bits) {
    return switch (bits) {
      case 1 -> i1;
      case 8 -> i8;
      case 16 -> i16;
      case 32 -> i32;
      case 64 -> i64;
      case 128 -> i128;
      default -> LLVMIntTypeInContext(context, bits);
    };
  }

  /** A vector of {@code lanes} integers of {@code bits} bits (Advanced SIMD arrangements). */
  public LLVMTypeRef vectorType(int lanes, int bits) {
    return LLVMVectorType(intType(bits), lanes);
  }

  /** The IEEE binary type of {@code bits} bits: float or double. */
  public LLVMTypeRef floatType(int bits) {
    return bits == 32 ? f32 : f64;
  }

  public LLVMTypeRef functionType(LLVMTypeRef result, LLVMTypeRef... params) {
    return LLVMFunctionType(result, new PointerPointer<>(params), params.length, 0);
  }

  public LLVMValueRef function(String name, LLVMTypeRef type) {
    LLVMValueRef existing = LLVMGetNamedFunction(module, name);
    return existing != null && !existing.isNull() ? existing : LLVMAddFunction(module, name, type);
  }

  public LLVMValueRef constInt(int bits, long value) {
    return LLVMConstInt(intType(bits), value, 0);
  }

  /** A constant global; {@code exported} keeps its name visible to the runtime. */
  public LLVMValueRef constantGlobal(String name, LLVMValueRef init, boolean exported) {
    LLVMValueRef g = LLVMAddGlobal(module, LLVMTypeOf(init), name);
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, exported ? LLVMExternalLinkage : LLVMPrivateLinkage);
    return g;
  }

  /** A private constant i32 array, created on first use and shared afterwards. */
  public LLVMValueRef constantTable(String name, int[] values) {
    LLVMValueRef existing = LLVMGetNamedGlobal(module, name);
    if (existing != null && !existing.isNull()) {
      return existing;
    }
    LLVMValueRef[] entries = new LLVMValueRef[values.length];
    for (int i = 0; i < values.length; i++) {
      entries[i] = constInt(32, values[i]);
    }
    LLVMValueRef global = constantGlobal(name, constArray(i32, entries), false);
    LLVMSetLinkage(global, LLVMInternalLinkage);
    return global;
  }

  public LLVMValueRef constArray(LLVMTypeRef element, LLVMValueRef[] values) {
    return LLVMConstArray2(element, new PointerPointer<>(values), values.length);
  }

  public LLVMValueRef constBytes(byte[] bytes) {
    BytePointer data = new BytePointer(bytes.length);
    data.put(bytes);
    return LLVMConstStringInContext2(context, data, bytes.length, 1);
  }

  public LLVMValueRef constStruct(LLVMValueRef... fields) {
    return LLVMConstStructInContext(context, new PointerPointer<>(fields), fields.length, 0);
  }

  public LLVMValueRef intrinsic(String name, LLVMTypeRef... overloads) {
    int id = LLVMLookupIntrinsicID(name, name.length());
    if (id == 0) {
      throw new IllegalArgumentException("no LLVM intrinsic " + name);
    }
    return LLVMGetIntrinsicDeclaration(module, id, new PointerPointer<>(overloads), overloads.length);
  }

  public LLVMTypeRef intrinsicType(String name, LLVMTypeRef... overloads) {
    int id = LLVMLookupIntrinsicID(name, name.length());
    return LLVMIntrinsicGetType(context, id, new PointerPointer<>(overloads), overloads.length);
  }

  /** Runs LLVM's verifier; a failure is a bug in the lifter and names what LLVM found. */
  public void verify() {
    BytePointer message = new BytePointer();
    if (LLVMVerifyModule(module, LLVMReturnStatusAction, message) != 0) {
      String text = message.getString();
      LLVMDisposeMessage(message);
      throw new IllegalStateException("lifted IR is invalid: " + text.lines().limit(8).reduce("", (a, b) -> a + "\n" + b));
    }
    LLVMDisposeMessage(message);
  }

  /** Frees the module and its context; closing again does nothing. */
  @Override
  public void close() {
    if (module != null) {
      LLVMDisposeModule(module);
      module = null;
    }
    if (context != null) {
      LLVMContextDispose(context);
      context = null;
    }
  }
}
