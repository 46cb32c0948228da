package elfconv.semantics;

import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Arithmetic shared by several families, following the Arm ARM's pseudocode functions. */
final class Alu {
  private Alu() {}

  /**
   * x + y or x - y, and NZCV when {@code setFlags}: AddWithCarry(x, y, 0) or AddWithCarry(x, NOT(y), 1), with
   * the carry and overflow taken from LLVM's overflow intrinsics so that the host's own flags compute them.
   */
  static LLVMValueRef addOrSubtract(Emitter e, LLVMValueRef x, LLVMValueRef y, boolean subtract, boolean setFlags) {
    IrBuilder ir = e.ir;
    LLVMValueRef result = subtract ? ir.sub(x, y) : ir.add(x, y);
    if (setFlags) {
      LLVMValueRef carry = subtract ? ir.uge(x, y) : ir.extractValue(ir.intrinsic("llvm.uadd.with.overflow", x, y), 1);
      LLVMValueRef overflow = ir.extractValue(
          ir.intrinsic(subtract ? "llvm.ssub.with.overflow" : "llvm.sadd.with.overflow", x, y), 1);
      LLVMValueRef n = ir.slt(result, ir.c(result, 0));
      LLVMValueRef z = ir.eq(result, ir.c(result, 0));
      if (subtract) {
        e.setSubtractionFlags(x, y, n, z, carry, overflow);
      } else {
        e.setFlags(n, z, carry, overflow);
      }
    }
    return result;
  }

  /** AddWithCarry(x, y, carry) with a carry known only at run time (ADC, SBC): computed in double width. */
  static LLVMValueRef addWithCarry(Emitter e, LLVMValueRef x, LLVMValueRef y, LLVMValueRef carry,
      boolean setFlags) {
    IrBuilder ir = e.ir;
    int w = IrBuilder.width(x);
    LLVMValueRef result = ir.add(ir.add(x, y), ir.zext(carry, w));
    if (setFlags) {
      LLVMValueRef unsignedSum = ir.add(ir.add(ir.zext(x, 2 * w), ir.zext(y, 2 * w)), ir.zext(carry, 2 * w));
      LLVMValueRef signedSum = ir.add(ir.add(ir.sext(x, 2 * w), ir.sext(y, 2 * w)), ir.zext(carry, 2 * w));
      e.setFlags(ir.slt(result, ir.c(result, 0)), ir.eq(result, ir.c(result, 0)),
          ir.ne(unsignedSum, ir.zext(result, 2 * w)), ir.ne(signedSum, ir.sext(result, 2 * w)));
    }
    return result;
  }

  /** x shifted by a constant: 0 LSL, 1 LSR, 2 ASR, 3 ROR. */
  static LLVMValueRef shift(IrBuilder ir, LLVMValueRef x, int type, int amount) {
    if (amount == 0) {
      return x;
    }
    LLVMValueRef a = ir.c(x, amount);
    return switch (type) {
      case 0 -> ir.shl(x, a);
      case 1 -> ir.lshr(x, a);
      case 2 -> ir.ashr(x, a);
      default -> ir.intrinsic("llvm.fshr", x, x, a);
    };
  }

  /** ExtendReg(): extend the low byte/half/word/doubleword of x per option, then shift left, to width bits. */
  static LLVMValueRef extend(IrBuilder ir, LLVMValueRef x, int option, int shift, int width) {
    int bits = 8 << (option & 3);
    LLVMValueRef part = ir.trunc(x, Math.min(bits, IrBuilder.width(x)));
    LLVMValueRef wide = (option & 4) != 0 ? ir.sext(part, width) : ir.zext(part, width);
    return shift == 0 ? wide : ir.shl(wide, ir.c(width, shift));
  }
}
