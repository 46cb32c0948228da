package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** UDIV, SDIV, LSLV, LSRV, ASRV, RORV (printed as LSL, LSR, ASR, ROR), CRC32 and CRC32C. */
final class DataProcessing2 implements Family {
  /** Reflected polynomials: CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli). */
  private static final int CRC32 = 0xedb88320;
  private static final int CRC32C = 0x82f63b78;

  private static boolean crc(int opcode) {
    return (opcode & 0x38) == 0x10;
  }

  @Override
  public String unallocated(Insn i) {
    int op = i.f("opcode");
    if (i.f("S") != 0) {
      return "S=1";
    }
    if (crc(op)) {
      return (op & 3) == 3 ^ i.is64() ? "CRC32X needs sf=1, the others sf=0" : null;
    }
    return op == 2 || op == 3 || (op >= 8 && op <= 11) ? null : "unallocated opcode";
  }

  @Override
  public String disassemble(Insn i) {
    boolean x = i.is64();
    int op = i.f("opcode");
    if (crc(op)) {
      String name = "crc32" + ((op & 4) != 0 ? "c" : "") + "bhwx".charAt(op & 3);
      return Asm.join(name, Asm.r(i.f("rd"), false), Asm.r(i.f("rn"), false), Asm.r(i.f("rm"), x));
    }
    String[] names = {"", "", "udiv", "sdiv", "", "", "", "", "lsl", "lsr", "asr", "ror"};
    return Asm.join(names[i.f("opcode")], Asm.r(i.f("rd"), x), Asm.r(i.f("rn"), x), Asm.r(i.f("rm"), x));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    if (crc(i.f("opcode"))) {
      liftCrc(i, e);
      return;
    }
    IrBuilder ir = e.ir;
    boolean x = i.is64();
    LLVMValueRef a = e.reg(i.f("rn"), x);
    LLVMValueRef b = e.reg(i.f("rm"), x);
    int op = i.f("opcode");
    if (op == 2 || op == 3) {
      liftDivision(i, e, a, b, op == 3);
      return;
    }
    LLVMValueRef amount = ir.and(b, ir.c(b, x ? 63 : 31));
    e.setReg(i.f("rd"), switch (op) {
      case 8 -> ir.shl(a, amount);
      case 9 -> ir.lshr(a, amount);
      case 10 -> ir.ashr(a, amount);
      default -> ir.intrinsic("llvm.fshr", a, a, amount);
    });
  }

  /**
   * A64 division never traps: x/0 is 0 and INT_MIN/-1 is INT_MIN. Those divisors take a branch of their own, so the
   * usual one is the host's division alone, with its remainder for a following MSUB ({@link Emitter#noteDivision}).
   * A 64-bit division of operands that both fit in 32 bits (signed ones then being non-negative) divides in 32 bits,
   * which hosts do faster: LLVM does this for x86 by itself, wasmtime does not.
   */
  private static void liftDivision(Insn i, Emitter e, LLVMValueRef a, LLVMValueRef b, boolean signed) {
    IrBuilder ir = e.ir;
    LLVMValueRef zero = ir.c(a, 0);
    // b + 1 > 1 (unsigned) excludes 0 and -1; unsigned division only needs b != 0.
    LLVMValueRef usual = signed ? ir.ugt(ir.add(b, ir.c(b, 1)), ir.c(b, 1)) : ir.ne(b, zero);
    LLVMValueRef[] quotientAndRemainder = e.unlessRare(usual,
        () -> i.is64() ? e.unlessRare(ir.eq(ir.lshr(ir.or(a, b), ir.c(a, 32)), zero),
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
    e.setReg(i.f("rd"), quotientAndRemainder[0]);
    e.noteDivision(i.f("rd"), i.f("rn"), i.f("rm"), i.is64(), quotientAndRemainder[1]);
  }

  private static LLVMValueRef[] hostDivision(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean signed) {
    return signed ? new LLVMValueRef[] {ir.sdiv(a, b), ir.srem(a, b)}
        : new LLVMValueRef[] {ir.udiv(a, b), ir.urem(a, b)};
  }

  /** One table lookup per byte of Rm, least significant first: crc = T[(crc ^ byte) & 0xff] ^ (crc >> 8). */
  private static void liftCrc(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    boolean castagnoli = (i.f("opcode") & 4) != 0;
    int[] table = table(castagnoli ? CRC32C : CRC32);
    String name = castagnoli ? "elfconv_crc32c_table" : "elfconv_crc32_table";
    LLVMValueRef crc = e.reg(i.f("rn"), false);
    LLVMValueRef data = e.reg(i.f("rm"), true);
    for (int k = 0; k < 1 << (i.f("opcode") & 3); k++) {
      LLVMValueRef dataByte = ir.trunc(ir.lshr(data, ir.c(64, 8L * k)), 32);
      LLVMValueRef index = ir.and(ir.xor(crc, dataByte), ir.c(32, 0xff));
      crc = ir.xor(e.tableEntry(name, table, index), ir.lshr(crc, ir.c(32, 8)));
    }
    e.setReg(i.f("rd"), crc);
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
