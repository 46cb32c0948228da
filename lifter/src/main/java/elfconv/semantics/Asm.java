package elfconv.semantics;

/** Operand spelling shared by the families' disassemblers, in LLVM's style. */
final class Asm {
  private static final String[] CONDITIONS =
      {"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
  private static final String[] SHIFTS = {"lsl", "lsr", "asr", "ror"};
  private static final String[] EXTENDS = {"uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"};

  private Asm() {}

  /** Xn/Wn, with register 31 as the zero register. */
  static String r(int n, boolean is64) {
    return n == 31 ? (is64 ? "xzr" : "wzr") : (is64 ? "x" : "w") + n;
  }

  /** Xn/Wn, with register 31 as the stack pointer. */
  static String rsp(int n, boolean is64) {
    return n == 31 ? (is64 ? "sp" : "wsp") : (is64 ? "x" : "w") + n;
  }

  /** SIMD&FP register n as a scalar of {@code bytes} bytes: b, h, s, d or q. */
  static String v(int n, int bytes) {
    return "bhsdq".charAt(Integer.numberOfTrailingZeros(bytes)) + String.valueOf(n);
  }

  static String cond(int c) {
    return CONDITIONS[c];
  }

  static String shift(int type) {
    return SHIFTS[type];
  }

  static String extend(int option) {
    return EXTENDS[option];
  }

  static String imm(long v) {
    return "#" + v;
  }

  static String hex(long v) {
    return v == 0 ? "#0" : "#0x" + Long.toHexString(v);
  }

  /** A PC-relative target as LLVM prints it without a symbolizer: the signed offset. */
  static String target(long offset) {
    return "#" + offset;
  }

  static String join(String mnemonic, String... operands) {
    return operands.length == 0 ? mnemonic : mnemonic + " " + String.join(", ", operands);
  }
}
