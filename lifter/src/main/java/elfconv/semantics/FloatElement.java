package elfconv.semantics;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import java.util.function.Supplier;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * An FP operation on the elements of Advanced SIMD registers, lane by lane: natively (one {@link FloatOps}
 * element at a time; where the program can read FPSR, its flags from the runtime), or, in exact mode (a
 * non-default FPCR, {@link Emitter#exactFloat()}), by the runtime's elfconv_fp_element, which knows every rounding
 * mode, FZ and DN.
 * The operation's code is what elfconv_fp_element reads: the operation, the format, the rounding, signedness and
 * fraction bits.
 */
final class FloatElement {
  /** The runtime's operations, in the order of its enumeration (float_exact.c). */
  enum Operation {
    ADD, SUB, MUL, DIV, MAX, MIN, MAXNM, MINNM, MULX, FUSED, ABD, SQRT, CMEQ, CMGE, CMGT, ACGE, ACGT, ROUND, TO_INT,
    FROM_INT, CONVERT, RECPS, RSQRTS, RECPE, RSQRTE, RECPX, COMPARE
  }

  /** One element's native code: its result bits from the operands' bits. */
  interface Native {
    LLVMValueRef apply(FloatOps ops, LLVMValueRef[] operands);
  }

  private final Operation operation;
  private final FloatFormat format;
  private int modifiers = 7 << 10; // the rounding of FPCR

  FloatElement(Operation operation, FloatFormat format) {
    this.operation = operation;
    this.format = format;
  }

  /** FCVTXN's rounding to odd. */
  static final int ROUND_TO_ODD = 5;

  /** A fixed rounding (FRINTN, FCVTZS...) instead of FPCR's. */
  FloatElement rounding(FloatOps.Rounding rounding) {
    return rounding(rounding.ordinal());
  }

  FloatElement rounding(int rounding) {
    modifiers = modifiers & ~(7 << 10) | rounding << 10;
    return this;
  }

  FloatElement unsigned(boolean unsigned) {
    modifiers |= unsigned ? 1 << 13 : 0;
    return this;
  }

  /** FRINTX: Inexact is signalled. */
  FloatElement signalInexact() {
    modifiers |= 1 << 14;
    return this;
  }

  /** FCMPE: every NaN signals Invalid Operation, not only signalling ones (the bit FRINTX's Inexact uses). */
  FloatElement signalling(boolean signalling) {
    modifiers |= signalling ? 1 << 14 : 0;
    return this;
  }

  /** The integer's width where it is not the format's: the general register of FCVTZS Wd, Dn or SCVTF Sd, Xn. */
  FloatElement integerBits(int bits) {
    modifiers |= (bits == 32 ? 1 : 2) << 26;
    return this;
  }

  FloatElement fractionBits(int bits) {
    modifiers |= bits << 16;
    return this;
  }

  /** The format a conversion produces. */
  FloatElement to(FloatFormat target) {
    modifiers |= code(target) << 24;
    return this;
  }

  private static int code(FloatFormat f) {
    return f == FloatFormat.SINGLE ? 0 : f == FloatFormat.DOUBLE ? 1 : 3;
  }

  /**
   * The operation on each lane of {@code operands} (vectors of the same lane count, or scalars: one lane), the
   * result lanes {@code resultBits} wide; by the runtime in every environment where {@code nativeElement} is null.
   */
  LLVMValueRef map(Emitter e, int resultBits, Native nativeElement, LLVMValueRef... operands) {
    IrBuilder ir = e.ir;
    FloatOps ops = new FloatOps(e, format);
    boolean vector = IrBuilder.isVector(operands[0]);
    int lanes = vector ? IrBuilder.lanes(operands[0]) : 1;
    LLVMValueRef result = vector ? ir.splat(ir.m.vectorType(lanes, resultBits), 0) : null;
    for (int lane = 0; lane < lanes; lane++) {
      LLVMValueRef[] x = new LLVMValueRef[operands.length];
      for (int k = 0; k < operands.length; k++) {
        x[k] = vector ? ir.extract(operands[k], ir.c(32, lane)) : operands[k];
      }
      LLVMValueRef r;
      if (e.exactFloat() || nativeElement == null) {
        r = byRuntime(e, resultBits, x);
      } else if (e.fpsrRead()) {
        // The result natively; FPSR's flags, which would take far more code per lane, from the runtime.
        r = e.withoutFloatExceptions(() -> nativeElement.apply(ops, x));
        byRuntime(e, resultBits, x);
      } else {
        r = nativeElement.apply(ops, x);
      }
      result = vector ? ir.insert(result, r, lane) : r;
    }
    return result;
  }

  /**
   * A scalar FP instruction's operation on {@code operands}: natively by {@code nativeElement}, its exceptions
   * inline where the program can see them, or in exact mode by the runtime.
   */
  LLVMValueRef scalar(Emitter e, int resultBits, Supplier<LLVMValueRef> nativeElement, LLVMValueRef... operands) {
    return e.exactFloat() ? byRuntime(e, resultBits, operands) : nativeElement.get();
  }

  /** The operation on one element by the runtime, exactly under the current FPCR. */
  LLVMValueRef byRuntime(Emitter e, int resultBits, LLVMValueRef... x) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] wide = new LLVMValueRef[3];
    for (int k = 0; k < 3; k++) {
      wide[k] = k < x.length ? (IrBuilder.width(x[k]) == 64 ? x[k] : ir.zext(x[k], 64)) : ir.c(64, 0);
    }
    LLVMValueRef r = e.floatElement(operation.ordinal() | code(format) << 8 | modifiers, wide[0], wide[1], wide[2]);
    return resultBits == 64 ? r : ir.trunc(r, resultBits);
  }
}
