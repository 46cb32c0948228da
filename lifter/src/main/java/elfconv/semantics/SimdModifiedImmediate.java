package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * MOVI, MVNI, ORR, BIC and FMOV (vector, immediate): an 8-bit immediate expanded by cmode and op to a 64-bit
 * pattern (AdvSIMDExpandImm), repeated across the register.
 */
final class SimdModifiedImmediate implements Family {
  private enum Kind { MOVI, MVNI, ORR, BIC, FMOV }

  private static int imm8(Insn i) {
    return i.f("abc") << 5 | i.f("defgh");
  }

  private static Kind kind(Insn i) {
    int cmode = i.f("cmode");
    boolean op = i.f("op") == 1;
    if (cmode == 0xf) {
      return Kind.FMOV;
    }
    if (cmode == 0xe || (cmode & 0xe) == 0xc) {
      return cmode == 0xe || !op ? Kind.MOVI : Kind.MVNI;
    }
    boolean orr = (cmode & 1) == 1;
    return orr ? (op ? Kind.BIC : Kind.ORR) : (op ? Kind.MVNI : Kind.MOVI);
  }

  /** Lane width in bits of the immediate's pattern. */
  private static int laneBits(Insn i) {
    int cmode = i.f("cmode");
    if (cmode < 8 || (cmode & 0xe) == 0xc) {
      return 32;
    }
    if (cmode < 0xc) {
      return 16;
    }
    if (cmode == 0xe) {
      return i.f("op") == 1 ? 64 : 8;
    }
    return i.f("op") == 1 ? 64 : 32;
  }

  /** AdvSIMDExpandImm: the 64-bit value the immediate stands for. */
  static long expand(int op, int cmode, int imm8) {
    long imm = imm8;
    return switch (cmode >> 1) {
      case 0, 1, 2, 3 -> repeat(imm << (8 * (cmode >> 1)), 32);
      case 4, 5 -> repeat(imm << (8 * ((cmode >> 1) & 1)), 16);
      case 6 -> repeat((cmode & 1) == 0 ? imm << 8 | 0xff : imm << 16 | 0xffff, 32);
      default -> {
        if ((cmode & 1) == 0) {
          if (op == 0) {
            yield repeat(imm, 8);
          }
          long bytes = 0;
          for (int b = 0; b < 8; b++) {
            bytes |= ((imm >> b) & 1) != 0 ? 0xffL << (8 * b) : 0;
          }
          yield bytes;
        }
        long a = imm >> 7 & 1;
        long b = imm >> 6 & 1;
        long cdefgh = imm & 0x3f;
        if (op == 0) {
          long single = a << 31 | (b ^ 1) << 30 | (b == 1 ? 0x1fL << 25 : 0) | cdefgh << 19;
          yield repeat(single, 32);
        }
        yield a << 63 | (b ^ 1) << 62 | (b == 1 ? 0xffL << 54 : 0) | cdefgh << 48;
      }
    };
  }

  private static long repeat(long value, int bits) {
    long result = 0;
    for (int at = 0; at < 64; at += bits) {
      result |= (value & (bits == 64 ? -1L : (1L << bits) - 1)) << at;
    }
    return result;
  }

  @Override
  public String unallocated(Insn i) {
    return i.f("cmode") == 0xf && i.f("op") == 1 && i.f("Q") == 0 ? "FMOV of a double needs Q = 1" : null;
  }

  @Override
  public String disassemble(Insn i) {
    int cmode = i.f("cmode");
    int imm8 = imm8(i);
    int q = i.f("Q");
    Kind kind = kind(i);
    int bits = laneBits(i);
    String name = kind.name().toLowerCase();
    if (kind == Kind.FMOV) {
      int size = bits == 64 ? 3 : 2;
      long pattern = expand(i.f("op"), cmode, imm8);
      double value = bits == 64 ? Double.longBitsToDouble(pattern) : Float.intBitsToFloat((int) pattern);
      return Asm.join("fmov", Simd.arrangement(i.f("rd"), q, size), String.format("#%.8f", value));
    }
    if (bits == 64) {
      // printf's %#016llx: the 0x counts towards the width
      String hex = String.format("#0x%014x", expand(1, cmode, imm8));
      return Asm.join("movi", q == 1 ? Simd.arrangement(i.f("rd"), 1, 3) : "d" + i.f("rd"), hex);
    }
    int size = Integer.numberOfTrailingZeros(bits / 8);
    String rd = Simd.arrangement(i.f("rd"), q, size);
    if (bits == 8) {
      return Asm.join(name, rd, Asm.imm(imm8));
    }
    if ((cmode & 0xe) == 0xc) {
      return Asm.join(name, rd, Asm.imm(imm8), "msl #" + ((cmode & 1) == 0 ? 8 : 16));
    }
    int shift = bits == 32 ? 8 * ((cmode >> 1) & 3) : 8 * ((cmode >> 1) & 1);
    return shift == 0 ? Asm.join(name, rd, Asm.imm(imm8)) : Asm.join(name, rd, Asm.imm(imm8), "lsl #" + shift);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int q = i.f("Q");
    long pattern = expand(i.f("op"), i.f("cmode"), imm8(i));
    LLVMValueRef imm = ir.bitcast(ir.c(64, pattern), ir.m.vectorType(1, 64));
    LLVMValueRef value = q == 1 ? Simd.concat(ir, imm, imm) : imm;
    Kind kind = kind(i);
    if (kind == Kind.ORR || kind == Kind.BIC) {
      LLVMValueRef old = Simd.read(e, i.f("rd"), 64, q == 1 ? 2 : 1);
      value = kind == Kind.ORR ? ir.or(old, value) : ir.and(old, ir.not(value));
    } else if (kind == Kind.MVNI) {
      value = ir.not(value);
    }
    Simd.write(e, i.f("rd"), value);
  }
}
