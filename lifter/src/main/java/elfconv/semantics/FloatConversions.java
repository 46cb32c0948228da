package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.ir.IrBuilder;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FPConvert between half, single and double precision, rounding to nearest even. Half precision has no host type
 * (and no library to call), so it is converted with integer operations and exact double arithmetic.
 */
final class FloatConversions {
  private FloatConversions() {}

  /** The bits of {@code bits} (a value of {@code from.f}) converted to format {@code to}. */
  static LLVMValueRef convert(FloatOps from, LLVMValueRef bits, FloatFormat to) {
    IrBuilder ir = from.ir;
    LLVMValueRef value;
    if (from.f == FloatFormat.HALF) {
      LLVMValueRef single = ir.bitcast(halfToSingleBits(ir, bits), ir.m.f32);
      value = to == FloatFormat.SINGLE ? single : ir.fpext(single, ir.m.f64);
    } else if (to == FloatFormat.HALF) {
      LLVMValueRef wide = from.f == FloatFormat.DOUBLE ? from.value(bits) : ir.fpext(from.value(bits), ir.m.f64);
      LLVMValueRef sign = ir.shl(ir.trunc(ir.lshr(bits, ir.c(bits, from.f.bits() - 1)), 16), ir.c(16, 15));
      value = ir.or(sign, doubleToHalfMagnitude(ir, wide));
    } else {
      LLVMTypeRef type = ir.m.floatType(to.bits());
      value = to.bits() > from.f.bits() ? ir.fpext(from.value(bits), type) : ir.fptrunc(from.value(bits), type);
    }
    LLVMValueRef converted = to == FloatFormat.HALF ? value : ir.bitcast(value, ir.m.intType(to.bits()));
    return ir.select(from.isNaN(bits), convertNaN(ir, bits, from.f, to), converted);
  }

  /**
   * The exceptions of FCVT: Invalid Operation for a signalling NaN; a narrowing also Inexact, Overflow, and
   * Underflow when the source is below the target's smallest normal and the result inexact.
   */
  static LLVMValueRef exceptions(FloatOps from, LLVMValueRef source, FloatFormat to, LLVMValueRef converted) {
    IrBuilder ir = from.ir;
    LLVMValueRef invalid = FloatExceptions.signallingOperand(from, source);
    if (to.bits() > from.f.bits()) {
      return invalid;
    }
    LLVMValueRef single = to == FloatFormat.HALF ? ir.bitcast(halfToSingleBits(ir, converted), ir.m.f32)
        : ir.bitcast(converted, ir.m.f32);
    LLVMValueRef wideSource = from.widened(source);
    LLVMValueRef inexact = ir.fcmp(LLVMRealONE, ir.fpext(single, ir.m.f64), wideSource);
    LLVMValueRef infinite = ir.eq(ir.and(converted, ir.c(to.bits(), ~to.signBit())), ir.c(to.bits(), to.infinity()));
    LLVMValueRef overflow = ir.and(infinite, from.isFinite(source));
    double minNormal = Math.scalb(1.0, 1 - to.exponentBias());
    LLVMValueRef tiny = ir.fcmp(LLVMRealOLT, ir.intrinsic("llvm.fabs", wideSource), ir.cf(ir.m.f64, minNormal));
    return ir.or(ir.or(invalid, FloatExceptions.when(ir, inexact, FloatExceptions.INEXACT)),
        ir.or(FloatExceptions.when(ir, overflow, FloatExceptions.OVERFLOW),
            FloatExceptions.when(ir, ir.and(tiny, inexact), FloatExceptions.UNDERFLOW)));
  }

  /** A NaN in another format: quieted, sign kept, the fraction's top bits carried over (FPConvertNaN). */
  private static LLVMValueRef convertNaN(IrBuilder ir, LLVMValueRef bits, FloatFormat from, FloatFormat to) {
    LLVMValueRef fraction = ir.and(bits, ir.c(bits, (1L << from.fractionBits()) - 1));
    int shift = to.fractionBits() - from.fractionBits();
    LLVMValueRef payload = shift > 0 ? ir.shl(ir.zext(fraction, to.bits()), ir.c(to.bits(), shift))
        : ir.trunc(ir.lshr(fraction, ir.c(bits, -shift)), to.bits());
    LLVMValueRef sign = ir.shl(ir.zext(ir.lshr(bits, ir.c(bits, from.bits() - 1)), to.bits()),
        ir.c(to.bits(), to.bits() - 1));
    return ir.or(ir.or(sign, payload), ir.c(to.bits(), to.defaultNaN()));
  }

  /** Half-precision bits as single-precision bits, exactly (NaNs aside). */
  private static LLVMValueRef halfToSingleBits(IrBuilder ir, LLVMValueRef half) {
    LLVMValueRef h = ir.zext(half, 32);
    LLVMValueRef sign = ir.shl(ir.and(h, ir.c(32, 0x8000)), ir.c(32, 16));
    LLVMValueRef exponent = ir.and(ir.lshr(h, ir.c(32, 10)), ir.c(32, 0x1f));
    LLVMValueRef fraction = ir.and(h, ir.c(32, 0x3ff));
    LLVMValueRef normal = ir.or(ir.shl(ir.add(exponent, ir.c(32, 127 - 15)), ir.c(32, 23)),
        ir.shl(fraction, ir.c(32, 13)));
    LLVMValueRef infinity = ir.c(32, 0x7f800000);
    LLVMValueRef subnormal = ir.bitcast(ir.fmul(ir.uitofp(fraction, ir.m.f32), ir.cf(ir.m.f32, 0x1p-24)), ir.m.i32);
    LLVMValueRef magnitude = ir.select(ir.eq(exponent, ir.c(32, 0)), subnormal,
        ir.select(ir.eq(exponent, ir.c(32, 0x1f)), infinity, normal));
    return ir.or(sign, magnitude);
  }

  /**
   * |x| (not a NaN) rounded to half precision, as half bits without the sign. Adding a power of two M whose unit
   * in the last place is the half format's makes the host's one rounding the rounding to half precision; (x + M)
   * - M is then exact.
   */
  private static LLVMValueRef doubleToHalfMagnitude(IrBuilder ir, LLVMValueRef x) {
    LLVMValueRef m = ir.intrinsic("llvm.fabs", x);
    LLVMValueRef subnormalShift = ir.cf(ir.m.f64, 0x1p28); // ulp 2^-24, the half format's smallest subnormal
    LLVMValueRef subnormalValue = ir.fsub(ir.fadd(m, subnormalShift), subnormalShift);
    LLVMValueRef subnormal = ir.intrinsicOf("llvm.fptoui.sat", new LLVMTypeRef[] {ir.m.i16, ir.m.f64},
        ir.fmul(subnormalValue, ir.cf(ir.m.f64, 0x1p24)));
    LLVMValueRef mBits = ir.bitcast(m, ir.m.i64);
    LLVMValueRef exponent = ir.lshr(mBits, ir.c(64, 52));
    LLVMValueRef shift = ir.bitcast(ir.shl(ir.add(exponent, ir.c(64, 52 - 10)), ir.c(64, 52)), ir.m.f64);
    LLVMValueRef rounded = ir.bitcast(ir.fsub(ir.fadd(m, shift), shift), ir.m.i64);
    LLVMValueRef normal = ir.trunc(ir.or(
        ir.shl(ir.sub(ir.lshr(rounded, ir.c(64, 52)), ir.c(64, 1023 - 15)), ir.c(64, 10)),
        ir.and(ir.lshr(rounded, ir.c(64, 42)), ir.c(64, 0x3ff))), 16);
    LLVMValueRef overflows = ir.fcmp(LLVMRealOGE, m, ir.cf(ir.m.f64, 65520.0)); // ties to even round up to 2^16
    LLVMValueRef tiny = ir.fcmp(LLVMRealOLT, m, ir.cf(ir.m.f64, 0x1p-14));
    return ir.select(overflows, ir.c(16, 0x7c00), ir.select(tiny, subnormal, normal));
  }
}
