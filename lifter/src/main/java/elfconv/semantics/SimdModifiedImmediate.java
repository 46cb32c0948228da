package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * MOVI, MVNI, ORR, BIC and FMOV (vector, immediate): an 8-bit immediate expanded by cmode and op to a 64-bit
 * pattern (AdvSIMDExpandImm), repeated across the register.
 */
final class SimdModifiedImmediate {
  private SimdModifiedImmediate() {}

  static void MOVI(Args.SimdImm a, Emitter e) {
    Simd.write(e, a.rd(), immediate(a, e));
  }

  static void MVNI(Args.SimdImm a, Emitter e) {
    Simd.write(e, a.rd(), e.ir.not(immediate(a, e)));
  }

  static void ORR_vi(Args.SimdImm a, Emitter e) {
    LLVMValueRef value = immediate(a, e);
    Simd.write(e, a.rd(), e.ir.or(old(a, e), value));
  }

  static void BIC_vi(Args.SimdImm a, Emitter e) {
    LLVMValueRef value = immediate(a, e);
    Simd.write(e, a.rd(), e.ir.and(old(a, e), e.ir.not(value)));
  }

  static void FMOVI_v(Args.SimdImm a, Emitter e) {
    Simd.write(e, a.rd(), immediate(a, e));
  }

  /** The expanded immediate as one (Q = 0) or two 64-bit lanes. */
  private static LLVMValueRef immediate(Args.SimdImm a, Emitter e) {
    IrBuilder ir = e.ir;
    long pattern = expand(a.op(), a.cmode(), a.abc() << 5 | a.defgh());
    LLVMValueRef imm = ir.bitcast(ir.c(64, pattern), ir.m.vectorType(1, 64));
    return a.q() == 1 ? Simd.concat(ir, imm, imm) : imm;
  }

  private static LLVMValueRef old(Args.SimdImm a, Emitter e) {
    return Simd.read(e, a.rd(), 64, a.q() == 1 ? 2 : 1);
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
}
