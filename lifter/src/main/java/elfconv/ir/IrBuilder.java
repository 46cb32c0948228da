package elfconv.ir;

import static org.bytedeco.llvm.global.LLVM.*;

import java.util.Objects;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The one place lifted code is built: a small typed layer over LLVM's instruction builder. Integer operands of a
 * binary operation must have the same width.
 */
public final class IrBuilder implements AutoCloseable {
  public final IrModule m;
  private final LLVMBuilderRef b;

  public IrBuilder(IrModule module) {
    this.m = module;
    this.b = LLVMCreateBuilderInContext(module.context);
  }

  public void at(LLVMBasicBlockRef block) {
    LLVMPositionBuilderAtEnd(b, block);
  }

  public LLVMBasicBlockRef block(LLVMValueRef function, String name) {
    return LLVMAppendBasicBlockInContext(m.context, function, name);
  }

  public LLVMBasicBlockRef currentBlock() {
    return LLVMGetInsertBlock(b);
  }

  /** Width of an integer, or of each element of an integer vector. */
  public static int width(LLVMValueRef v) {
    LLVMTypeRef t = LLVMTypeOf(v);
    return LLVMGetIntTypeWidth(LLVMGetTypeKind(t) == LLVMVectorTypeKind ? LLVMGetElementType(t) : t);
  }

  public static boolean isVector(LLVMValueRef v) {
    return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMVectorTypeKind;
  }

  /** Lanes of a vector value. */
  public static int lanes(LLVMValueRef v) {
    return LLVMGetVectorSize(LLVMTypeOf(v));
  }

  public LLVMValueRef c(int bits, long value) {
    return m.constInt(bits, value);
  }

  /** A constant of the type of {@code like}: an integer, or a vector with every lane {@code value}. */
  public LLVMValueRef c(LLVMValueRef like, long value) {
    LLVMTypeRef t = LLVMTypeOf(like);
    return LLVMGetTypeKind(t) == LLVMVectorTypeKind ? splat(t, value) : m.constInt(width(like), value);
  }

  /** A constant vector of type {@code vectorType} with every lane {@code value}. */
  public LLVMValueRef splat(LLVMTypeRef vectorType, long value) {
    int lanes = LLVMGetVectorSize(vectorType);
    LLVMValueRef[] values = new LLVMValueRef[lanes];
    java.util.Arrays.fill(values, LLVMConstInt(LLVMGetElementType(vectorType), value, 0));
    return LLVMConstVector(new PointerPointer<>(values), lanes);
  }

  public LLVMValueRef add(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildAdd(b, a, x, ""); }
  public LLVMValueRef sub(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildSub(b, a, x, ""); }
  public LLVMValueRef mul(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildMul(b, a, x, ""); }
  public LLVMValueRef udiv(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildUDiv(b, a, x, ""); }
  public LLVMValueRef urem(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildURem(b, a, x, ""); }
  public LLVMValueRef srem(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildSRem(b, a, x, ""); }
  public LLVMValueRef sdiv(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildSDiv(b, a, x, ""); }
  public LLVMValueRef and(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildAnd(b, a, x, ""); }
  public LLVMValueRef or(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildOr(b, a, x, ""); }
  public LLVMValueRef xor(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildXor(b, a, x, ""); }
  public LLVMValueRef shl(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildShl(b, a, x, ""); }
  public LLVMValueRef lshr(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildLShr(b, a, x, ""); }
  public LLVMValueRef ashr(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildAShr(b, a, x, ""); }
  public LLVMValueRef not(LLVMValueRef a) { return LLVMBuildNot(b, a, ""); }
  public LLVMValueRef neg(LLVMValueRef a) { return LLVMBuildNeg(b, a, ""); }

  public LLVMValueRef eq(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntEQ, a, x, ""); }
  public LLVMValueRef ne(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntNE, a, x, ""); }
  public LLVMValueRef ult(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntULT, a, x, ""); }
  public LLVMValueRef uge(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntUGE, a, x, ""); }
  public LLVMValueRef ugt(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntUGT, a, x, ""); }
  public LLVMValueRef ule(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntULE, a, x, ""); }
  public LLVMValueRef sgt(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntSGT, a, x, ""); }
  public LLVMValueRef slt(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntSLT, a, x, ""); }
  public LLVMValueRef sge(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntSGE, a, x, ""); }
  public LLVMValueRef sle(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildICmp(b, LLVMIntSLE, a, x, ""); }

  // ---- floating point: IEEE operations in the default environment (round to nearest even, no traps)

  public LLVMValueRef fadd(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildFAdd(b, a, x, ""); }
  public LLVMValueRef fsub(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildFSub(b, a, x, ""); }
  public LLVMValueRef fmul(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildFMul(b, a, x, ""); }
  public LLVMValueRef fdiv(LLVMValueRef a, LLVMValueRef x) { return LLVMBuildFDiv(b, a, x, ""); }

  /** An ordered or unordered comparison, by LLVM's predicate (LLVMRealOEQ, LLVMRealUNO, ...). */
  public LLVMValueRef fcmp(int predicate, LLVMValueRef a, LLVMValueRef x) {
    return LLVMBuildFCmp(b, predicate, a, x, "");
  }

  public LLVMValueRef isNaN(LLVMValueRef a) { return fcmp(LLVMRealUNO, a, a); }

  public LLVMValueRef bitcast(LLVMValueRef v, LLVMTypeRef type) { return LLVMBuildBitCast(b, v, type, ""); }
  public LLVMValueRef fpext(LLVMValueRef v, LLVMTypeRef type) { return LLVMBuildFPExt(b, v, type, ""); }
  public LLVMValueRef fptrunc(LLVMValueRef v, LLVMTypeRef type) { return LLVMBuildFPTrunc(b, v, type, ""); }
  public LLVMValueRef sitofp(LLVMValueRef v, LLVMTypeRef type) { return LLVMBuildSIToFP(b, v, type, ""); }
  public LLVMValueRef uitofp(LLVMValueRef v, LLVMTypeRef type) { return LLVMBuildUIToFP(b, v, type, ""); }

  /** A floating-point constant of {@code type}. */
  public LLVMValueRef cf(LLVMTypeRef type, double value) { return LLVMConstReal(type, value); }

  /** Calls an LLVM intrinsic overloaded on the given types (e.g. llvm.fptosi.sat on result and operand). */
  public LLVMValueRef intrinsicOf(String name, LLVMTypeRef[] overloads, LLVMValueRef... args) {
    return call(m.intrinsicType(name, overloads), m.intrinsic(name, overloads), args);
  }

  public LLVMValueRef select(LLVMValueRef cond, LLVMValueRef ifTrue, LLVMValueRef ifFalse) {
    return LLVMBuildSelect(b, cond, ifTrue, ifFalse, "");
  }

  // ---- vectors

  public LLVMValueRef extract(LLVMValueRef vector, LLVMValueRef lane) {
    return LLVMBuildExtractElement(b, vector, lane, "");
  }

  public LLVMValueRef insert(LLVMValueRef vector, LLVMValueRef value, int lane) {
    return LLVMBuildInsertElement(b, vector, value, c(32, lane), "");
  }

  /** Lanes picked from a then b by index ({@code mask[i] < lanes(a)} picks from a). */
  public LLVMValueRef shuffle(LLVMValueRef a, LLVMValueRef b2, int[] mask) {
    LLVMValueRef[] indexes = new LLVMValueRef[mask.length];
    for (int i = 0; i < mask.length; i++) {
      indexes[i] = c(32, mask[i]);
    }
    return LLVMBuildShuffleVector(b, a, b2, LLVMConstVector(new PointerPointer<>(indexes), mask.length), "");
  }

  /** Each lane zero- or sign-extended (or truncated) to {@code bits}. */
  public LLVMValueRef widen(LLVMValueRef vector, int bits, boolean signed) {
    LLVMTypeRef to = m.vectorType(lanes(vector), bits);
    int w = width(vector);
    if (w == bits) {
      return vector;
    }
    if (w > bits) {
      return LLVMBuildTrunc(b, vector, to, "");
    }
    return signed ? LLVMBuildSExt(b, vector, to, "") : LLVMBuildZExt(b, vector, to, "");
  }

  /** All ones in a lane where cond holds, else zero: the lane masks of the SIMD compares. */
  public LLVMValueRef laneMask(LLVMValueRef cond, int bits) {
    return LLVMBuildSExt(b, cond, m.vectorType(lanes(cond), bits), "");
  }

  public LLVMValueRef zext(LLVMValueRef v, int bits) {
    int w = width(v);
    return w == bits ? v : w < bits ? LLVMBuildZExt(b, v, m.intType(bits), "") : LLVMBuildTrunc(b, v, m.intType(bits), "");
  }

  public LLVMValueRef sext(LLVMValueRef v, int bits) {
    int w = width(v);
    return w == bits ? v : w < bits ? LLVMBuildSExt(b, v, m.intType(bits), "") : LLVMBuildTrunc(b, v, m.intType(bits), "");
  }

  public LLVMValueRef trunc(LLVMValueRef v, int bits) {
    return zext(v, bits);
  }

  /** Bit {@code bit} of v as an i1. */
  public LLVMValueRef bit(LLVMValueRef v, int bit) {
    return trunc(lshr(v, c(v, bit)), 1);
  }

  public LLVMValueRef intToPtr(LLVMValueRef v) {
    return LLVMBuildIntToPtr(b, v, m.ptr, "");
  }

  /** A pointer {@code offset} bytes past {@code base}. */
  public LLVMValueRef offset(LLVMValueRef base, long offset) {
    return index(base, c(64, offset));
  }

  /** A pointer {@code index} bytes past {@code base}. */
  public LLVMValueRef index(LLVMValueRef base, LLVMValueRef index) {
    return LLVMBuildGEP2(b, m.i8, base, new PointerPointer<>(new LLVMValueRef[] {index}), 1, "");
  }

  /** A constant pointer to a fixed host address. */
  public LLVMValueRef constPointer(long address) {
    return LLVMConstIntToPtr(c(64, address), m.ptr);
  }

  public LLVMValueRef alloca(LLVMTypeRef type, String name) {
    return LLVMBuildAlloca(b, type, name);
  }

  public LLVMValueRef load(LLVMTypeRef type, LLVMValueRef ptr) {
    return LLVMBuildLoad2(b, type, ptr, "");
  }

  public void store(LLVMValueRef value, LLVMValueRef ptr) {
    LLVMBuildStore(b, value, ptr);
  }

  /** A load of guest register state (never aliases guest memory). */
  public LLVMValueRef loadState(LLVMTypeRef type, LLVMValueRef ptr) {
    LLVMValueRef v = load(type, ptr);
    LLVMSetMetadata(v, m.tbaaKind, m.tbaaState);
    return v;
  }

  public void storeState(LLVMValueRef value, LLVMValueRef ptr) {
    LLVMSetMetadata(LLVMBuildStore(b, value, ptr), m.tbaaKind, m.tbaaState);
  }

  /** An unaligned little-endian access to guest memory. */
  public LLVMValueRef loadMemory(LLVMTypeRef type, LLVMValueRef ptr) {
    LLVMValueRef v = load(type, ptr);
    LLVMSetAlignment(v, 1);
    LLVMSetMetadata(v, m.tbaaKind, m.tbaaMemory);
    return v;
  }

  public void storeMemory(LLVMValueRef value, LLVMValueRef ptr) {
    LLVMValueRef s = LLVMBuildStore(b, value, ptr);
    LLVMSetAlignment(s, 1);
    LLVMSetMetadata(s, m.tbaaKind, m.tbaaMemory);
  }

  public LLVMValueRef call(LLVMTypeRef type, LLVMValueRef fn, LLVMValueRef... args) {
    return LLVMBuildCall2(b, type, fn, new PointerPointer<>(args), args.length, "");
  }

  /** Calls an overloaded LLVM intrinsic, overloaded on the type of the first argument. */
  public LLVMValueRef intrinsic(String name, LLVMValueRef... args) {
    LLVMTypeRef t = LLVMTypeOf(args[0]);
    return call(m.intrinsicType(name, t), m.intrinsic(name, t), args);
  }

  /** A phi of {@code values}, each arriving from the block at the same index. */
  public LLVMValueRef phi(LLVMTypeRef type, LLVMValueRef[] values, LLVMBasicBlockRef[] from) {
    LLVMValueRef phi = LLVMBuildPhi(b, type, "");
    LLVMAddIncoming(phi, new PointerPointer<>(values), new PointerPointer<>(from), values.length);
    return phi;
  }

  /** A phi with no incoming values yet ({@link #addIncoming}). */
  public LLVMValueRef phi(LLVMTypeRef type) {
    return LLVMBuildPhi(b, type, "");
  }

  /** Adds {@code value}, arriving from {@code from}, to a phi. */
  public static void addIncoming(LLVMValueRef phi, LLVMValueRef value, LLVMBasicBlockRef from) {
    LLVMAddIncoming(phi, new PointerPointer<>(new LLVMValueRef[] {value}),
        new PointerPointer<>(new LLVMBasicBlockRef[] {from}), 1);
  }

  public LLVMValueRef extractValue(LLVMValueRef aggregate, int index) {
    return LLVMBuildExtractValue(b, aggregate, index, "");
  }

  public void br(LLVMBasicBlockRef target) {
    // LLVM dereferences a missing block without a check.
    LLVMBuildBr(b, Objects.requireNonNull(target, "branch to a block that does not exist"));
  }

  public void condBr(LLVMValueRef cond, LLVMBasicBlockRef ifTrue, LLVMBasicBlockRef ifFalse) {
    LLVMBuildCondBr(b, cond, ifTrue, ifFalse);
  }

  public LLVMValueRef switchOn(LLVMValueRef value, LLVMBasicBlockRef otherwise, int cases) {
    return LLVMBuildSwitch(b, value, otherwise, cases);
  }

  public static void addCase(LLVMValueRef switchInst, LLVMValueRef value, LLVMBasicBlockRef target) {
    LLVMAddCase(switchInst, value, target);
  }

  public void ret(LLVMValueRef value) {
    LLVMBuildRet(b, value);
  }

  public void unreachable() {
    LLVMBuildUnreachable(b);
  }

  @Override
  public void close() {
    LLVMDisposeBuilder(b);
  }
}
