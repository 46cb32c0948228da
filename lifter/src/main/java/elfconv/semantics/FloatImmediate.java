package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;

/**
 * FMOV (scalar, immediate): the 8-bit immediate expanded as VFPExpandImm does (sign, 3-bit exponent, 4-bit
 * fraction).
 */
final class FloatImmediate {
  private FloatImmediate() {}

  static void FMOVI_s(Args.FpImm a, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(a.type()));
    ops.write(a.rd(), ops.c(expand(a.imm8(), ops.f)));
  }

  /** VFPExpandImm: a:b:cd:efgh becomes a : NOT(b) : b repeated : cd : efgh : zeros. */
  static long expand(int imm8, FloatFormat f) {
    int exponentBits = f.bits() - 1 - f.fractionBits();
    long sign = (imm8 >> 7) & 1;
    long b = (imm8 >> 6) & 1;
    long exponent = (b ^ 1) << (exponentBits - 1) | (b == 1 ? ((1L << (exponentBits - 3)) - 1) << 2 : 0)
        | ((imm8 >> 4) & 3);
    long fraction = (long) (imm8 & 0xf) << (f.fractionBits() - 4);
    return sign << (f.bits() - 1) | exponent << f.fractionBits() | fraction;
  }
}
