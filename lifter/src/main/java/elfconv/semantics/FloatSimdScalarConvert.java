package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;

/**
 * The Advanced SIMD scalar forms of SCVTF, UCVTF and FCVT{N,M,P,Z,A}{S,U}: the integer is the low 32 or 64 bits of
 * a SIMD&FP register, as wide as the FP value (what compilers emit when a value stays in FP registers).
 */
final class FloatSimdScalarConvert implements Family {
  /** FCVT's rounding by o2:o1: N, M, P, Z. */
  private static final FloatOps.Rounding[] ROUNDING = {FloatOps.Rounding.TIE_EVEN,
      FloatOps.Rounding.NEGATIVE_INFINITY, FloatOps.Rounding.POSITIVE_INFINITY, FloatOps.Rounding.ZERO};

  private static FloatOps.Rounding rounding(Insn i) {
    return switch (i.pattern().name()) {
      case "FP_SIMD_FCVTA" -> FloatOps.Rounding.TIE_AWAY;
      case "FP_SIMD_FCVT" -> ROUNDING[i.f("o2") << 1 | i.f("o1")];
      default -> null; // SCVTF, UCVTF: to FP
    };
  }

  private static FloatFormat format(Insn i) {
    return i.f("sz") == 1 ? FloatFormat.DOUBLE : FloatFormat.SINGLE;
  }

  @Override
  public boolean readsFpcr(Insn i) {
    return true;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = format(i);
    FloatOps.Rounding rounding = rounding(i);
    String sign = i.f("U") == 1 ? "u" : "s";
    String mnemonic = rounding == null ? sign + "cvtf" : "fcvt" + "npmza".charAt(rounding.ordinal()) + sign;
    return Asm.join(mnemonic, f.register(i.f("rd")), f.register(i.f("rn")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, format(i));
    FloatOps.Rounding rounding = rounding(i);
    boolean signed = i.f("U") == 0;
    int bits = ops.f.bits();
    ops.write(i.f("rd"), rounding == null
        ? FloatIntegerConvert.fromInteger(e, ops, ops.read(i.f("rn")), signed, bits, 0)
        : FloatIntegerConvert.toInteger(e, ops, ops.read(i.f("rn")), rounding, signed, bits, 0));
  }
}
