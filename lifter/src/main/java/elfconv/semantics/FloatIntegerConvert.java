package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealOGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealUGE;
import static org.bytedeco.llvm.global.LLVM.LLVMRealULT;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Conversions between FP and integer registers: FCVT{N,P,M,Z,A}{S,U} (saturating, NaN gives 0), SCVTF and UCVTF,
 * and the fixed-point forms FCVTZS, FCVTZU, SCVTF, UCVTF with fbits = 64 - scale fraction bits.
 */
final class FloatIntegerConvert implements Family {
  private static final FloatOps.Rounding[] BY_RMODE = {FloatOps.Rounding.TIE_EVEN,
      FloatOps.Rounding.POSITIVE_INFINITY, FloatOps.Rounding.NEGATIVE_INFINITY, FloatOps.Rounding.ZERO};

  /** What one encoding does: to an integer (with a rounding) or from one; signed; fraction bits. */
  private record Conversion(boolean toInteger, FloatOps.Rounding rounding, boolean signed, int fractionBits) {}

  /** The conversion, or null for an unallocated combination of the fields. */
  private static Conversion conversion(Insn i) {
    switch (i.pattern().name()) {
      case "FP_INT_AWAY":
        return new Conversion(true, FloatOps.Rounding.TIE_AWAY, i.f("opcode") == 0, 0);
      case "FP_INT": {
        int opcode = i.f("opcode");
        if (opcode < 2) {
          return new Conversion(true, BY_RMODE[i.f("rmode")], opcode == 0, 0);
        }
        return i.f("rmode") == 0 ? new Conversion(false, null, opcode == 2, 0) : null;
      }
      default: {
        int fractionBits = 64 - i.f("scale");
        if (i.f("sf") == 0 && fractionBits > 32) {
          return null;
        }
        int rmodeOpcode = i.f("rmode") << 3 | i.f("opcode");
        return switch (rmodeOpcode) {
          case 0b00010, 0b00011 -> new Conversion(false, null, rmodeOpcode == 0b00010, fractionBits);
          case 0b11000, 0b11001 -> new Conversion(true, FloatOps.Rounding.ZERO, rmodeOpcode == 0b11000, fractionBits);
          default -> null;
        };
      }
    }
  }

  @Override
  public String unallocated(Insn i) {
    if (i.f("type") > 1) {
      return "half-precision conversions need FEAT_FP16";
    }
    return conversion(i) == null ? "unallocated FP/integer conversion" : null;
  }

  @Override
  public boolean readsFpcr(Insn i) {
    return true;
  }

  @Override
  public String disassemble(Insn i) {
    Conversion c = conversion(i);
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    String general = Asm.r(i.f(c.toInteger() ? "rd" : "rn"), i.is64());
    String fp = f.register(i.f(c.toInteger() ? "rn" : "rd"));
    String sign = c.signed() ? "s" : "u";
    boolean fixed = i.pattern().name().equals("FP_FIXED");
    String fbits = Asm.imm(c.fractionBits());
    if (c.toInteger()) {
      String mnemonic = "fcvt" + "npmza".charAt(c.rounding().ordinal()) + sign;
      return fixed ? Asm.join(mnemonic, general, fp, fbits) : Asm.join(mnemonic, general, fp);
    }
    return fixed ? Asm.join(sign + "cvtf", fp, general, fbits) : Asm.join(sign + "cvtf", fp, general);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    Conversion c = conversion(i);
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    int intBits = i.is64() ? 64 : 32;
    if (c.toInteger()) {
      e.setReg(i.f("rd"), toInteger(e, ops, ops.read(i.f("rn")), c.rounding(), c.signed(), intBits, c.fractionBits()));
    } else {
      ops.write(i.f("rd"), fromInteger(e, ops, e.reg(i.f("rn"), i.is64()), c.signed(), intBits, c.fractionBits()));
    }
  }

  /**
   * FPToFixed: the format's value {@code bits} times 2^fractionBits, rounded, as a saturated integer of intBits
   * (NaN gives 0); its exceptions raised where the program can observe them.
   */
  static LLVMValueRef toInteger(Emitter e, FloatOps ops, LLVMValueRef bits, FloatOps.Rounding rounding,
      boolean signed, int intBits, int fractionBits) {
    IrBuilder ir = e.ir;
    // Scaling by a power of two is exact (an overflow to infinity still saturates the same way).
    LLVMValueRef v = ir.fmul(ops.value(bits), ops.constant(Math.scalb(1.0, fractionBits)));
    LLVMValueRef integral = rounding == FloatOps.Rounding.ZERO ? v : ops.roundToIntegral(v, rounding);
    String saturating = signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
    if (e.floatExceptionsObserved()) {
      LLVMValueRef rounded = ops.roundToIntegral(v, rounding);
      e.raiseFloatExceptions(toIntegerExceptions(ops, v, rounded, signed, intBits));
    }
    return ir.intrinsicOf(saturating, new LLVMTypeRef[] {ir.m.intType(intBits), ops.type}, integral);
  }

  /** FixedToFP: the format's bits of the integer n (intBits wide) divided by 2^fractionBits. */
  static LLVMValueRef fromInteger(Emitter e, FloatOps ops, LLVMValueRef n, boolean signed, int intBits,
      int fractionBits) {
    IrBuilder ir = e.ir;
    // The integer rounds once; dividing by 2^fbits then stays exact, far above the subnormal range.
    LLVMValueRef converted = signed ? ir.sitofp(n, ops.type) : ir.uitofp(n, ops.type);
    if (e.floatExceptionsObserved()) {
      String back = signed ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
      LLVMValueRef roundTrip = ir.intrinsicOf(back, new LLVMTypeRef[] {ir.m.intType(intBits), ops.type}, converted);
      // The integer's range ends below 2^(bits - 1) (signed) or 2^bits: reaching it means rounding up.
      LLVMValueRef limit = ops.constant(Math.scalb(1.0, signed ? intBits - 1 : intBits));
      LLVMValueRef inexact = ir.or(ir.ne(roundTrip, n), ir.fcmp(LLVMRealOGE, converted, limit));
      e.raiseFloatExceptions(FloatExceptions.when(ir, inexact, FloatExceptions.INEXACT));
    }
    return ops.bitsOf(ir.fdiv(converted, ops.constant(Math.scalb(1.0, fractionBits))));
  }

  /**
   * FPToFixed's exceptions: Invalid Operation (only) for a NaN or a rounded value outside the integer's range,
   * else Inexact when rounding changed the value.
   */
  private static LLVMValueRef toIntegerExceptions(FloatOps ops, LLVMValueRef v, LLVMValueRef integral,
      boolean signed, int intBits) {
    IrBuilder ir = ops.ir;
    LLVMValueRef upper = ops.constant(Math.scalb(1.0, signed ? intBits - 1 : intBits));
    LLVMValueRef lower = signed ? ops.constant(-Math.scalb(1.0, intBits - 1)) : ops.constant(0);
    // Unordered comparisons: a NaN is out of range too.
    LLVMValueRef outOfRange = ir.or(ir.fcmp(LLVMRealUGE, integral, upper), ir.fcmp(LLVMRealULT, integral, lower));
    LLVMValueRef inexact = ir.fcmp(LLVMRealONE, integral, v);
    return ir.select(outOfRange, ir.c(32, FloatExceptions.INVALID),
        FloatExceptions.when(ir, inexact, FloatExceptions.INEXACT));
  }
}
