package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import java.util.Locale;

/** FMOV (scalar, immediate): the 8-bit immediate expanded as VFPExpandImm does (sign, 3-bit exponent, 4-bit fraction). */
final class FloatImmediate implements Family {
  @Override
  public String unallocated(Insn i) {
    return i.f("type") > 1 ? "half-precision FMOV needs FEAT_FP16" : null;
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

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    double value = Double.longBitsToDouble(expand(i.f("imm8"), FloatFormat.DOUBLE));
    return Asm.join("fmov", f.register(i.f("rd")), String.format(Locale.ROOT, "#%.8f", value));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    ops.write(i.f("rd"), ops.c(expand(i.f("imm8"), ops.f)));
  }
}
