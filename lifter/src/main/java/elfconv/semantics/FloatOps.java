package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOGT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealOLT;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUGE;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Scalar floating point of one format as the Arm ARM defines it, on top of the host's IEEE operations. Values
 * travel as their bits (integers); host arithmetic only ever decides non-NaN results, because wasm32 leaves the
 * sign and payload of a NaN it produces unspecified: every NaN result is selected from the operands' bits by the
 * rules of FPProcessNaNs (signalling NaNs first, then the first operand, quieted; else the default NaN).
 */
final class FloatOps {
  /** FPRounding modes of the conversions and FRINT instructions. */
  enum Rounding { TIE_EVEN, POSITIVE_INFINITY, NEGATIVE_INFINITY, ZERO, TIE_AWAY }

  final IrBuilder ir;
  final FloatFormat f;
  private final Emitter e;
  /** The host type of the format (null for half precision, which only conversions use). */
  final LLVMTypeRef type;

  FloatOps(Emitter e, FloatFormat f) {
    this.e = e;
    this.ir = e.ir;
    this.f = f;
    this.type = f.bits() == 16 ? null : ir.m.floatType(f.bits());
  }

  /** The format's low bits of Vn, as an integer. */
  LLVMValueRef read(int n) {
    return e.vreg(n, f.bytes());
  }

  void write(int n, LLVMValueRef bits) {
    e.setVreg(n, bits);
  }

  LLVMValueRef c(long bits) {
    return ir.c(f.bits(), bits);
  }

  LLVMValueRef value(LLVMValueRef bits) {
    return ir.bitcast(bits, type);
  }

  /** The bits of a host value that is not a NaN. */
  LLVMValueRef bitsOf(LLVMValueRef value) {
    return ir.bitcast(value, ir.m.intType(f.bits()));
  }

  LLVMValueRef constant(double v) {
    return ir.cf(type, v);
  }

  LLVMValueRef abs(LLVMValueRef bits) {
    return ir.and(bits, c(~f.signBit()));
  }

  LLVMValueRef negate(LLVMValueRef bits) {
    return ir.xor(bits, c(f.signBit()));
  }

  LLVMValueRef isNaN(LLVMValueRef bits) {
    return ir.ugt(abs(bits), c(f.infinity()));
  }

  LLVMValueRef isSignalling(LLVMValueRef bits) {
    return ir.and(isNaN(bits), ir.eq(ir.and(bits, c(f.quietBit())), c(0)));
  }

  LLVMValueRef isInfinity(LLVMValueRef bits) {
    return ir.eq(abs(bits), c(f.infinity()));
  }

  LLVMValueRef isZero(LLVMValueRef bits) {
    return ir.eq(abs(bits), c(0));
  }

  LLVMValueRef isFinite(LLVMValueRef bits) {
    return ir.ult(abs(bits), c(f.infinity()));
  }

  /** The value as a double, exactly (single precision widened). */
  LLVMValueRef widened(LLVMValueRef bits) {
    return f == FloatFormat.DOUBLE ? value(bits) : ir.fpext(value(bits), ir.m.f64);
  }

  LLVMValueRef quiet(LLVMValueRef bits) {
    return ir.or(bits, c(f.quietBit()));
  }

  /** The NaN FPProcessNaNs picks from the operands (any number); the default NaN when none is a NaN. */
  LLVMValueRef processNaNs(LLVMValueRef... operands) {
    LLVMValueRef result = c(f.defaultNaN());
    for (int i = operands.length - 1; i >= 0; i--) {
      result = ir.select(isNaN(operands[i]), quiet(operands[i]), result);
    }
    for (int i = operands.length - 1; i >= 0; i--) {
      result = ir.select(isSignalling(operands[i]), quiet(operands[i]), result);
    }
    return result;
  }

  /**
   * The bits of an arithmetic result: the host's {@code nativeResult} unless it is a NaN, else the NaN the Arm ARM
   * picks from the operands (an invalid operation on non-NaN operands gives the default NaN).
   */
  LLVMValueRef result(LLVMValueRef nativeResult, LLVMValueRef... operands) {
    return ir.select(ir.isNaN(nativeResult), processNaNs(operands), bitsOf(nativeResult));
  }

  LLVMValueRef copySign(LLVMValueRef magnitude, LLVMValueRef sign) {
    return ir.intrinsic("llvm.copysign", magnitude, sign);
  }

  /** Truncation toward zero of a value below 2^63 in magnitude, through a saturating conversion. */
  private LLVMValueRef truncate(LLVMValueRef v) {
    return ir.sitofp(ir.intrinsicOf("llvm.fptosi.sat", new LLVMTypeRef[] {ir.m.i64, type}, v), type);
  }

  /**
   * v rounded to an integral value (FPRoundInt) for every v that is not a NaN, without library calls: values of
   * 2^fractionBits and above are integral already; below that, exact host operations find the neighbours.
   */
  LLVMValueRef roundToIntegral(LLVMValueRef v, Rounding mode) {
    LLVMValueRef magnitude = ir.intrinsic("llvm.fabs", v);
    LLVMValueRef one = constant(1);
    LLVMValueRef integral = switch (mode) {
      case TIE_EVEN -> {
        // Adding 2^fractionBits leaves no fraction bits, so the host's rounding to nearest even does the work.
        LLVMValueRef shift = constant(Math.scalb(1.0, f.fractionBits()));
        yield ir.fsub(ir.fadd(magnitude, shift), shift);
      }
      case ZERO -> truncate(v);
      case POSITIVE_INFINITY -> {
        LLVMValueRef t = truncate(v);
        yield ir.select(ir.fcmp(LLVMRealOLT, t, v), ir.fadd(t, one), t);
      }
      case NEGATIVE_INFINITY -> {
        LLVMValueRef t = truncate(v);
        yield ir.select(ir.fcmp(LLVMRealOGT, t, v), ir.fsub(t, one), t);
      }
      case TIE_AWAY -> {
        LLVMValueRef t = truncate(v);
        LLVMValueRef fraction = ir.intrinsic("llvm.fabs", ir.fsub(v, t)); // exact
        yield ir.select(ir.fcmp(LLVMRealOGE, fraction, constant(0.5)), ir.fadd(t, copySign(one, v)), t);
      }
    };
    // Unordered too: a NaN stays a NaN for result() to replace.
    LLVMValueRef alreadyIntegral = ir.fcmp(LLVMRealUGE, magnitude, constant(Math.scalb(1.0, f.fractionBits())));
    return ir.select(alreadyIntegral, v, copySign(integral, v));
  }
}
