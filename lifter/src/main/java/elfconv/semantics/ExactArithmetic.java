package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import java.util.function.Supplier;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Error-free transformations in host arithmetic (round to nearest even, no fused multiply-add): the exact error
 * of a sum or a product as one more double, valid where nothing overflows or underflows. Fused multiply-add and
 * the exactness of results (FPSR.IXC) build on them.
 */
final class ExactArithmetic {
  private ExactArithmetic() {}

  /** Whether a double's unbiased exponent is within [-limit, limit] (so it is normal and finite). */
  static LLVMValueRef exponentWithin(IrBuilder ir, LLVMValueRef bits, int limit) {
    LLVMValueRef biased = ir.and(ir.lshr(bits, ir.c(64, 52)), ir.c(64, 0x7ff));
    return ir.ult(ir.sub(biased, ir.c(64, 1023 - limit)), ir.c(64, 2L * limit + 1));
  }

  /** TwoSum: the exact error a + b - sum of the host's sum (any order of magnitudes). */
  static LLVMValueRef sumError(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, LLVMValueRef sum) {
    LLVMValueRef bPart = ir.fsub(sum, a);
    return ir.fadd(ir.fsub(a, ir.fsub(sum, bPart)), ir.fsub(b, bPart));
  }

  /** Dekker's product: the exact error x * y - product, from Veltkamp's splits into 26-bit halves. */
  static LLVMValueRef productError(IrBuilder ir, LLVMValueRef x, LLVMValueRef y, LLVMValueRef product) {
    LLVMValueRef[] xs = split(ir, x);
    LLVMValueRef[] ys = split(ir, y);
    return ir.fadd(ir.fadd(ir.fadd(ir.fsub(ir.fmul(xs[0], ys[0]), product), ir.fmul(xs[0], ys[1])),
        ir.fmul(xs[1], ys[0])), ir.fmul(xs[1], ys[1]));
  }

  private static LLVMValueRef[] split(IrBuilder ir, LLVMValueRef v) {
    LLVMValueRef gamma = ir.fmul(v, ir.cf(ir.m.f64, 0x1p27 + 1));
    LLVMValueRef hi = ir.fsub(gamma, ir.fsub(gamma, v));
    return new LLVMValueRef[] {hi, ir.fsub(v, hi)};
  }

  /** a + b rounded to odd: the host's rounded sum, its last bit set toward the error when it was inexact. */
  static LLVMValueRef roundToOdd(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef sum = ir.fadd(a, b);
    LLVMValueRef error = sumError(ir, a, b, sum);
    LLVMValueRef sumBits = ir.bitcast(sum, ir.m.i64);
    LLVMValueRef errorBits = ir.bitcast(error, ir.m.i64);
    LLVMValueRef inexactAndEven = ir.and(ir.fcmp(LLVMRealONE, error, ir.cf(ir.m.f64, 0)),
        ir.eq(ir.and(sumBits, ir.c(64, 1)), ir.c(64, 0)));
    // One unit in the last place away from zero when the error has the sum's sign, else toward zero.
    LLVMValueRef sameSign = ir.eq(ir.lshr(ir.xor(sumBits, errorBits), ir.c(64, 63)), ir.c(64, 0));
    LLVMValueRef odd = ir.select(sameSign, ir.add(sumBits, ir.c(64, 1)), ir.sub(sumBits, ir.c(64, 1)));
    return ir.bitcast(ir.select(inexactAndEven, odd, sumBits), ir.m.f64);
  }

  /** {@code fast} where {@code usable} holds, else {@code slow} (a runtime call), on a branch off the hot path. */
  static LLVMValueRef fastUnlessRare(Emitter e, LLVMValueRef usable, Supplier<LLVMValueRef> fast,
      Supplier<LLVMValueRef> slow) {
    return e.unlessRare(usable, () -> new LLVMValueRef[] {fast.get()}, () -> new LLVMValueRef[] {slow.get()})[0];
  }
}
