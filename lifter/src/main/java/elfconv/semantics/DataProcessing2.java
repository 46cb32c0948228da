package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** UDIV, SDIV, LSLV, LSRV, ASRV, RORV (the LSL, LSR, ASR, ROR aliases), CRC32 and CRC32C. */
final class DataProcessing2 {
  /** Reflected polynomials: CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli). */
  private static final int CRC32_POLYNOMIAL = 0xedb88320;
  private static final int CRC32C_POLYNOMIAL = 0x82f63b78;

  private DataProcessing2() {}

  static void UDIV(Args.ThreeReg a, Emitter e) {
    division(a, e, false);
  }

  static void SDIV(Args.ThreeReg a, Emitter e) {
    division(a, e, true);
  }

  static void LSLV(Args.ThreeReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.shl(e.reg(a.rn(), a.sf() == 1), amount(a, e)));
  }

  static void LSRV(Args.ThreeReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.lshr(e.reg(a.rn(), a.sf() == 1), amount(a, e)));
  }

  static void ASRV(Args.ThreeReg a, Emitter e) {
    e.setReg(a.rd(), e.ir.ashr(e.reg(a.rn(), a.sf() == 1), amount(a, e)));
  }

  static void RORV(Args.ThreeReg a, Emitter e) {
    LLVMValueRef n = e.reg(a.rn(), a.sf() == 1);
    e.setReg(a.rd(), e.ir.intrinsic("llvm.fshr", n, n, amount(a, e)));
  }

  static void CRC32(Args.Crc a, Emitter e) {
    crc(a, e, false);
  }

  static void CRC32C(Args.Crc a, Emitter e) {
    crc(a, e, true);
  }

  /** A variable shift takes Rm modulo the width. */
  private static LLVMValueRef amount(Args.ThreeReg a, Emitter e) {
    LLVMValueRef m = e.reg(a.rm(), a.sf() == 1);
    return e.ir.and(m, e.ir.c(m, a.sf() == 1 ? 63 : 31));
  }

  /**
   * A64 division never traps: x/0 is 0 and INT_MIN/-1 is INT_MIN. Those divisors take a branch of their own, so the
   * usual one is the host's division alone, with its remainder for a following MSUB ({@link Emitter#noteDivision}).
   * A 64-bit division of operands that both fit in 32 bits (signed ones then being non-negative) divides in 32 bits,
   * which hosts do faster: LLVM does this for x86 by itself, wasmtime does not.
   */
  private static void division(Args.ThreeReg args, Emitter e, boolean signed) {
    IrBuilder ir = e.ir;
    boolean x = args.sf() == 1;
    LLVMValueRef a = e.reg(args.rn(), x);
    LLVMValueRef b = e.reg(args.rm(), x);
    LLVMValueRef zero = ir.c(a, 0);
    // b + 1 > 1 (unsigned) excludes 0 and -1; unsigned division only needs b != 0.
    LLVMValueRef usual = signed ? ir.ugt(ir.add(b, ir.c(b, 1)), ir.c(b, 1)) : ir.ne(b, zero);
    LLVMValueRef[] quotientAndRemainder = e.unlessRare(usual,
        () -> x ? e.unlessRare(ir.eq(ir.lshr(ir.or(a, b), ir.c(a, 32)), zero),
            () -> {
              LLVMValueRef a32 = ir.trunc(a, 32);
              LLVMValueRef b32 = ir.trunc(b, 32);
              return new LLVMValueRef[] {ir.zext(ir.udiv(a32, b32), 64), ir.zext(ir.urem(a32, b32), 64)};
            },
            () -> hostDivision(ir, a, b, signed)) : hostDivision(ir, a, b, signed),
        // x/0 is 0 with remainder x; x/-1 is -x with remainder 0.
        () -> {
          LLVMValueRef byZero = ir.eq(b, zero);
          return new LLVMValueRef[] {ir.select(byZero, zero, ir.neg(a)), ir.select(byZero, a, zero)};
        });
    e.setReg(args.rd(), quotientAndRemainder[0]);
    e.noteDivision(args.rd(), args.rn(), args.rm(), x, quotientAndRemainder[1]);
  }

  private static LLVMValueRef[] hostDivision(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean signed) {
    return signed ? new LLVMValueRef[] {ir.sdiv(a, b), ir.srem(a, b)}
        : new LLVMValueRef[] {ir.udiv(a, b), ir.urem(a, b)};
  }

  /** One table lookup per byte of Rm, least significant first: crc = T[(crc ^ byte) & 0xff] ^ (crc >> 8). */
  private static void crc(Args.Crc a, Emitter e, boolean castagnoli) {
    IrBuilder ir = e.ir;
    int[] table = table(castagnoli ? CRC32C_POLYNOMIAL : CRC32_POLYNOMIAL);
    String name = castagnoli ? "elfconv_crc32c_table" : "elfconv_crc32_table";
    LLVMValueRef crc = e.reg(a.rn(), false);
    LLVMValueRef data = e.reg(a.rm(), true);
    for (int k = 0; k < 1 << a.sz(); k++) {
      LLVMValueRef dataByte = ir.trunc(ir.lshr(data, ir.c(64, 8L * k)), 32);
      LLVMValueRef index = ir.and(ir.xor(crc, dataByte), ir.c(32, 0xff));
      crc = ir.xor(e.tableEntry(name, table, index), ir.lshr(crc, ir.c(32, 8)));
    }
    e.setReg(a.rd(), crc);
  }

  private static int[] table(int polynomial) {
    int[] table = new int[256];
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ polynomial : c >>> 1;
      }
      table[n] = c;
    }
    return table;
  }
}
