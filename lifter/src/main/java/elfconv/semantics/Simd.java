package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import elfconv.runtime.GuestLayout;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD registers as LLVM vectors. An arrangement is a lane width and a lane count filling 64 or 128 bits
 * (8B, 16B, 4H, 8H, 2S, 4S, 1D, 2D); a 64-bit result clears the upper half of its register, as every write does.
 */
final class Simd {
  private static final long QC = 1L << 27;

  private Simd() {}

  /** Bits of a lane of element size {@code size} (0..3: B, H, S, D). */
  static int bits(int size) {
    return 8 << size;
  }

  /** Lanes of element size {@code size} in a 64-bit (Q = 0) or 128-bit (Q = 1) register. */
  static int lanes(int q, int size) {
    return (q == 1 ? 16 : 8) >> size;
  }

  /** Vn as {@code lanes} lanes of {@code bits} bits: its low 64 bits when they fill only 64. */
  static LLVMValueRef read(Emitter e, int n, int bits, int lanes) {
    LLVMValueRef v = e.vreg(n, bits * lanes / 8);
    return e.ir.bitcast(v, e.ir.m.vectorType(lanes, bits));
  }

  /** Vn in the arrangement of (Q, size). */
  static LLVMValueRef arranged(Emitter e, int n, int q, int size) {
    return read(e, n, bits(size), lanes(q, size));
  }

  /** Writes a vector of 64 or 128 bits to Vd. */
  static void write(Emitter e, int d, LLVMValueRef vector) {
    IrBuilder ir = e.ir;
    int total = IrBuilder.width(vector) * IrBuilder.lanes(vector);
    e.setVreg(d, ir.bitcast(vector, ir.m.intType(total)));
  }

  /** Register n with an arrangement, as LLVM spells it: v3.16b, v0.2d. */
  static String arrangement(int n, int q, int size) {
    return "v" + n + "." + lanes(q, size) + "bhsd".charAt(size);
  }

  /** A lane of register n: v3.s[1]. */
  static String lane(int n, int size, int index) {
    return "v" + n + "." + "bhsd".charAt(size) + "[" + index + "]";
  }

  /** A list of consecutive registers (wrapping after v31), as LLVM spells it: { v1.16b, v2.16b }. */
  static String list(int first, int count, String suffix) {
    StringBuilder s = new StringBuilder("{ ");
    for (int i = 0; i < count; i++) {
      s.append(i == 0 ? "" : ", ").append('v').append((first + i) % 32).append('.').append(suffix);
    }
    return s.append(" }").toString();
  }

  /** The upper half of a 128-bit vector, or the lower: the sources of the "2" (Q = 1) forms of the long ops. */
  static LLVMValueRef half(IrBuilder ir, LLVMValueRef vector, boolean upper) {
    int lanes = IrBuilder.lanes(vector) / 2;
    int[] mask = new int[lanes];
    for (int i = 0; i < lanes; i++) {
      mask[i] = i + (upper ? lanes : 0);
    }
    return ir.shuffle(vector, vector, mask);
  }

  /** Concatenates two vectors of the same type: a's lanes first. */
  static LLVMValueRef concat(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    int[] mask = new int[2 * IrBuilder.lanes(a)];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = i;
    }
    return ir.shuffle(a, b, mask);
  }

  /**
   * Writes a narrow (64-bit) result: to the lower half of Vd with the upper half cleared, or, for the "2" forms
   * (Q = 1), to the upper half with the lower half kept.
   */
  static void writeNarrow(Emitter e, int q, int d, LLVMValueRef narrow) {
    if (q == 0) {
      write(e, d, narrow);
      return;
    }
    LLVMValueRef low = read(e, d, IrBuilder.width(narrow), IrBuilder.lanes(narrow));
    write(e, d, concat(e.ir, low, narrow));
  }

  /** Sets FPSR.QC, the sticky saturation bit, when {@code saturated} (a vector of i1) holds in any lane. */
  static void saturation(Emitter e, LLVMValueRef saturated) {
    IrBuilder ir = e.ir;
    LLVMValueRef any = ir.intrinsic("llvm.vector.reduce.or", saturated);
    LLVMValueRef fpsr = e.stateRegister(GuestLayout.FPSR);
    e.setStateRegister(GuestLayout.FPSR, ir.or(fpsr, ir.select(any, ir.c(64, QC), ir.c(64, 0))));
  }
}
