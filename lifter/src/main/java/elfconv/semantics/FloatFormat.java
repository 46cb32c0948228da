package elfconv.semantics;

/** An IEEE binary format of a scalar FP instruction: half, single or double, by the encoding's type field. */
record FloatFormat(int bits, int fractionBits) {
  static final FloatFormat HALF = new FloatFormat(16, 10);
  static final FloatFormat SINGLE = new FloatFormat(32, 23);
  static final FloatFormat DOUBLE = new FloatFormat(64, 52);

  /** The format of type field 00, 01 or 11; null for 10, which no format uses. */
  static FloatFormat ofType(int type) {
    return switch (type) {
      case 0 -> SINGLE;
      case 1 -> DOUBLE;
      case 3 -> HALF;
      default -> null;
    };
  }

  int bytes() {
    return bits / 8;
  }

  long signBit() {
    return 1L << (bits - 1);
  }

  /** All exponent bits set: the bits of +infinity. */
  long infinity() {
    return ((1L << (bits - 1 - fractionBits)) - 1) << fractionBits;
  }

  long quietBit() {
    return 1L << (fractionBits - 1);
  }

  /** FPDefaultNaN(): positive, quiet, payload zero. */
  long defaultNaN() {
    return infinity() | quietBit();
  }

  int exponentBias() {
    return (1 << (bits - 2 - fractionBits)) - 1;
  }
}
