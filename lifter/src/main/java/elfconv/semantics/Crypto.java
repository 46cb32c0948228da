package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The Cryptographic Extension: AES rounds (AESE, AESD, AESMC, AESIMC) and the SHA-1 and SHA-256 hash updates, on
 * whole 128-bit registers. The AES state is the register's 16 bytes in column order (byte 4c + r is row r of column
 * c); the SHA state is its four 32-bit lanes. Everything is plain LLVM vector and integer operations, so both
 * targets compute it exactly; the S-boxes are constant tables.
 */
final class Crypto {
  private static final int[] SBOX = new int[256];
  private static final int[] INVERSE_SBOX = new int[256];

  static {
    // The S-box is the multiplicative inverse in GF(2^8) followed by the affine map of FIPS-197.
    for (int x = 0; x < 256; x++) {
      int inverse = 0;
      for (int y = 1; y < 256 && x != 0; y++) {
        if (multiply(x, y) == 1) {
          inverse = y;
          break;
        }
      }
      int s = inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2) ^ rotl8(inverse, 3) ^ rotl8(inverse, 4) ^ 0x63;
      SBOX[x] = s;
      INVERSE_SBOX[s] = x;
    }
  }

  private Crypto() {}

  private static int multiply(int a, int b) {
    int product = 0;
    for (; b != 0; b >>= 1, a = (a << 1) ^ ((a & 0x80) != 0 ? 0x11b : 0)) {
      product ^= (b & 1) != 0 ? a : 0;
    }
    return product;
  }

  private static int rotl8(int x, int n) {
    return ((x << n) | (x >>> (8 - n))) & 0xff;
  }

  // ---- AES

  /** AddRoundKey, then SubBytes and ShiftRows. */
  static void AESE(Args.Crypto2 a, Emitter e) {
    LLVMValueRef state = e.ir.xor(bytes(e, a.rd()), bytes(e, a.rn()));
    Simd.write(e, a.rd(), substitute(e, shiftRows(e.ir, state, 1), SBOX, "elfconv.aes.sbox"));
  }

  /** AddRoundKey, then InvSubBytes and InvShiftRows. */
  static void AESD(Args.Crypto2 a, Emitter e) {
    LLVMValueRef state = e.ir.xor(bytes(e, a.rd()), bytes(e, a.rn()));
    Simd.write(e, a.rd(), substitute(e, shiftRows(e.ir, state, -1), INVERSE_SBOX, "elfconv.aes.inverse_sbox"));
  }

  /** MixColumns: each byte is 2·a(r) + 3·a(r+1) + a(r+2) + a(r+3) of its column. */
  static void AESMC(Args.Crypto2 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = bytes(e, a.rn());
    LLVMValueRef r1 = rotateColumns(ir, x, 1);
    LLVMValueRef result = ir.xor(ir.xor(times2(ir, x), ir.xor(times2(ir, r1), r1)),
        ir.xor(rotateColumns(ir, x, 2), rotateColumns(ir, x, 3)));
    Simd.write(e, a.rd(), result);
  }

  /** InvMixColumns: each byte is 14·a(r) + 11·a(r+1) + 13·a(r+2) + 9·a(r+3) of its column. */
  static void AESIMC(Args.Crypto2 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef x = bytes(e, a.rn());
    LLVMValueRef x2 = times2(ir, x);
    LLVMValueRef x4 = times2(ir, x2);
    LLVMValueRef x8 = times2(ir, x4);
    LLVMValueRef x9 = ir.xor(x8, x);
    LLVMValueRef x11 = ir.xor(x9, x2);
    LLVMValueRef x13 = ir.xor(x9, x4);
    LLVMValueRef x14 = ir.xor(ir.xor(x8, x4), x2);
    LLVMValueRef result = ir.xor(ir.xor(x14, rotateColumns(ir, x11, 1)),
        ir.xor(rotateColumns(ir, x13, 2), rotateColumns(ir, x9, 3)));
    Simd.write(e, a.rd(), result);
  }

  private static LLVMValueRef bytes(Emitter e, int n) {
    return Simd.read(e, n, 8, 16);
  }

  /** ShiftRows (direction 1) or InvShiftRows (-1): row r rotates left, or right, by r columns. */
  private static LLVMValueRef shiftRows(IrBuilder ir, LLVMValueRef state, int direction) {
    int[] mask = new int[16];
    for (int i = 0; i < 16; i++) {
      int row = i % 4;
      int column = i / 4;
      mask[i] = row + 4 * Math.floorMod(column + direction * row, 4);
    }
    return ir.shuffle(state, state, mask);
  }

  /** Each byte takes the byte k rows further down its column. */
  private static LLVMValueRef rotateColumns(IrBuilder ir, LLVMValueRef state, int k) {
    int[] mask = new int[16];
    for (int i = 0; i < 16; i++) {
      mask[i] = (i & ~3) | ((i + k) & 3);
    }
    return ir.shuffle(state, state, mask);
  }

  /** Multiplication by x in GF(2^8), lane by lane. */
  private static LLVMValueRef times2(IrBuilder ir, LLVMValueRef x) {
    LLVMValueRef carry = ir.and(ir.ashr(x, ir.c(x, 7)), ir.c(x, 0x1b));
    return ir.xor(ir.shl(x, ir.c(x, 1)), carry);
  }

  /** Every byte through a substitution table. */
  private static LLVMValueRef substitute(Emitter e, LLVMValueRef state, int[] table, String name) {
    IrBuilder ir = e.ir;
    LLVMValueRef result = state;
    for (int i = 0; i < 16; i++) {
      LLVMValueRef b = ir.extract(state, ir.c(32, i));
      result = ir.insert(result, ir.trunc(e.tableEntry(name, table, b), 8), i);
    }
    return result;
  }

  // ---- SHA-1 and SHA-256

  private enum Sha1 { CHOOSE, PARITY, MAJORITY }

  static void SHA1C(Args.Crypto3 a, Emitter e) {
    sha1Rounds(a, e, Sha1.CHOOSE);
  }

  static void SHA1P(Args.Crypto3 a, Emitter e) {
    sha1Rounds(a, e, Sha1.PARITY);
  }

  static void SHA1M(Args.Crypto3 a, Emitter e) {
    sha1Rounds(a, e, Sha1.MAJORITY);
  }

  /** Four rounds on the working variables a..d in Vd and e in Sn, with the schedule words of Vm. */
  private static void sha1Rounds(Args.Crypto3 a, Emitter e, Sha1 function) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] d = words(e, a.rd());
    LLVMValueRef n = words(e, a.rn())[0];
    LLVMValueRef[] m = words(e, a.rm());
    for (int i = 0; i < 4; i++) {
      LLVMValueRef f = switch (function) {
        case CHOOSE -> choose(ir, d[1], d[2], d[3]);
        case PARITY -> ir.xor(ir.xor(d[1], d[2]), d[3]);
        case MAJORITY -> majority(ir, d[1], d[2], d[3]);
      };
      LLVMValueRef t = ir.add(ir.add(f, rotateRight(ir, d[0], 27)), ir.add(n, m[i]));
      n = d[3];
      d = new LLVMValueRef[] {t, d[0], rotateRight(ir, d[1], 2), d[2]};
    }
    writeWords(e, a.rd(), d);
  }

  static void SHA1SU0(Args.Crypto3 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef d = Simd.read(e, a.rd(), 64, 2);
    LLVMValueRef n = Simd.read(e, a.rn(), 64, 2);
    LLVMValueRef m = Simd.read(e, a.rm(), 64, 2);
    // (d[1], n[0]) ^ d ^ m, in 64-bit halves.
    LLVMValueRef shifted = ir.shuffle(d, n, new int[] {1, 2});
    Simd.write(e, a.rd(), ir.xor(ir.xor(shifted, d), m));
  }

  static void SHA1H(Args.Crypto2 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef zero = ir.c(32, 0);
    writeWords(e, a.rd(), new LLVMValueRef[] {rotateRight(ir, words(e, a.rn())[0], 2), zero, zero, zero});
  }

  static void SHA1SU1(Args.Crypto2 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] d = words(e, a.rd());
    LLVMValueRef[] m = words(e, a.rn());
    LLVMValueRef d0 = rotateRight(ir, ir.xor(d[0], m[1]), 31);
    LLVMValueRef d1 = rotateRight(ir, ir.xor(d[1], m[2]), 31);
    LLVMValueRef d2 = rotateRight(ir, ir.xor(d[2], m[3]), 31);
    LLVMValueRef d3 = rotateRight(ir, ir.xor(d[3], d0), 31);
    writeWords(e, a.rd(), new LLVMValueRef[] {d0, d1, d2, d3});
  }

  /** Four rounds: Vd holds a..d, Vn holds e..h, Vm the schedule words plus constants; Vd gets the new a..d. */
  static void SHA256H(Args.Crypto3 a, Emitter e) {
    sha256Rounds(a, e, true);
  }

  /** The same four rounds, from Vn (a..d) and Vd (e..h); Vd gets the new e..h. */
  static void SHA256H2(Args.Crypto3 a, Emitter e) {
    sha256Rounds(a, e, false);
  }

  private static void sha256Rounds(Args.Crypto3 a, Emitter e, boolean first) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] abcd = words(e, first ? a.rd() : a.rn());
    LLVMValueRef[] efgh = words(e, first ? a.rn() : a.rd());
    LLVMValueRef[] m = words(e, a.rm());
    for (int i = 0; i < 4; i++) {
      LLVMValueRef t1 = ir.add(ir.add(choose(ir, efgh[0], efgh[1], efgh[2]), efgh[3]),
          ir.add(sigma(ir, efgh[0], 6, 11, 25), m[i]));
      LLVMValueRef t2 = ir.add(majority(ir, abcd[0], abcd[1], abcd[2]), sigma(ir, abcd[0], 2, 13, 22));
      efgh = new LLVMValueRef[] {ir.add(abcd[3], t1), efgh[0], efgh[1], efgh[2]};
      abcd = new LLVMValueRef[] {ir.add(t1, t2), abcd[0], abcd[1], abcd[2]};
    }
    writeWords(e, a.rd(), first ? abcd : efgh);
  }

  static void SHA256SU0(Args.Crypto2 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] d = words(e, a.rd());
    LLVMValueRef[] m = words(e, a.rn());
    writeWords(e, a.rd(), new LLVMValueRef[] {ir.add(d[0], smallSigma0(ir, d[1])), ir.add(d[1], smallSigma0(ir, d[2])),
        ir.add(d[2], smallSigma0(ir, d[3])), ir.add(d[3], smallSigma0(ir, m[0]))});
  }

  static void SHA256SU1(Args.Crypto3 a, Emitter e) {
    IrBuilder ir = e.ir;
    LLVMValueRef[] d = words(e, a.rd());
    LLVMValueRef[] n = words(e, a.rn());
    LLVMValueRef[] m = words(e, a.rm());
    LLVMValueRef d0 = ir.add(d[0], ir.add(smallSigma1(ir, m[2]), n[1]));
    LLVMValueRef d1 = ir.add(d[1], ir.add(smallSigma1(ir, m[3]), n[2]));
    LLVMValueRef d2 = ir.add(d[2], ir.add(smallSigma1(ir, d0), n[3]));
    LLVMValueRef d3 = ir.add(d[3], ir.add(smallSigma1(ir, d1), m[0]));
    writeWords(e, a.rd(), new LLVMValueRef[] {d0, d1, d2, d3});
  }

  private static LLVMValueRef[] words(Emitter e, int n) {
    LLVMValueRef v = Simd.read(e, n, 32, 4);
    LLVMValueRef[] w = new LLVMValueRef[4];
    for (int i = 0; i < 4; i++) {
      w[i] = e.ir.extract(v, e.ir.c(32, i));
    }
    return w;
  }

  private static void writeWords(Emitter e, int d, LLVMValueRef[] w) {
    LLVMValueRef v = e.ir.splat(e.ir.m.vectorType(4, 32), 0);
    for (int i = 0; i < 4; i++) {
      v = e.ir.insert(v, w[i], i);
    }
    Simd.write(e, d, v);
  }

  private static LLVMValueRef rotateRight(IrBuilder ir, LLVMValueRef x, int n) {
    return ir.intrinsic("llvm.fshr", x, x, ir.c(32, n));
  }

  private static LLVMValueRef choose(IrBuilder ir, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    return ir.xor(ir.and(x, ir.xor(y, z)), z);
  }

  private static LLVMValueRef majority(IrBuilder ir, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    return ir.or(ir.and(x, y), ir.and(ir.or(x, y), z));
  }

  /** Σ: the xor of three rotations. */
  private static LLVMValueRef sigma(IrBuilder ir, LLVMValueRef x, int r1, int r2, int r3) {
    return ir.xor(ir.xor(rotateRight(ir, x, r1), rotateRight(ir, x, r2)), rotateRight(ir, x, r3));
  }

  private static LLVMValueRef smallSigma0(IrBuilder ir, LLVMValueRef x) {
    return ir.xor(ir.xor(rotateRight(ir, x, 7), rotateRight(ir, x, 18)), ir.lshr(x, ir.c(32, 3)));
  }

  private static LLVMValueRef smallSigma1(IrBuilder ir, LLVMValueRef x) {
    return ir.xor(ir.xor(rotateRight(ir, x, 17), rotateRight(ir, x, 19)), ir.lshr(x, ir.c(32, 10)));
  }
}
