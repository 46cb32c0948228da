package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Scalar FP with one source: FMOV (register), FABS, FNEG (bit operations: a NaN keeps its payload, even a
 * signalling one), FSQRT, FCVT between half, single and double, and the FRINT roundings to integral.
 */
final class FloatDataProcessing1 implements Family {
  private static final String[] BASIC = {"fmov", "fabs", "fneg", "fsqrt"};
  /** FRINT by opcode - 8: N, P, M, Z, A, (unallocated), X, I. */
  private static final String[] FRINT = {"frintn", "frintp", "frintm", "frintz", "frinta", null, "frintx", "frinti"};
  private static final FloatOps.Rounding[] FRINT_ROUNDING = {FloatOps.Rounding.TIE_EVEN,
      FloatOps.Rounding.POSITIVE_INFINITY, FloatOps.Rounding.NEGATIVE_INFINITY, FloatOps.Rounding.ZERO,
      FloatOps.Rounding.TIE_AWAY, null, FloatOps.Rounding.TIE_EVEN, FloatOps.Rounding.TIE_EVEN};

  private static boolean isConvert(Insn i) {
    return (i.f("opcode") & 0x3c) == 0x04;
  }

  @Override
  public String unallocated(Insn i) {
    int opcode = i.f("opcode");
    int type = i.f("type");
    if (isConvert(i)) {
      int to = opcode & 3;
      return type == 2 || to == 2 || to == type ? "FCVT between unsupported or equal formats" : null;
    }
    if (type > 1) {
      return "half-precision arithmetic needs FEAT_FP16";
    }
    if (opcode < 4 || opcode >= 8 && opcode < 16 && FRINT[opcode - 8] != null) {
      return null;
    }
    return "unallocated one-source FP opcode";
  }

  @Override
  public boolean readsFpcr(Insn i) {
    return i.f("opcode") >= 3;
  }

  @Override
  public String disassemble(Insn i) {
    int opcode = i.f("opcode");
    FloatFormat from = FloatFormat.ofType(i.f("type"));
    if (isConvert(i)) {
      return Asm.join("fcvt", FloatFormat.ofType(opcode & 3).register(i.f("rd")), from.register(i.f("rn")));
    }
    String mnemonic = opcode < 4 ? BASIC[opcode] : FRINT[opcode - 8];
    return Asm.join(mnemonic, from.register(i.f("rd")), from.register(i.f("rn")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    int opcode = i.f("opcode");
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    if (isConvert(i)) {
      LLVMValueRef source = ops.read(i.f("rn"));
      FloatFormat to = FloatFormat.ofType(opcode & 3);
      LLVMValueRef converted = FloatConversions.convert(ops, source, to);
      ops.write(i.f("rd"), converted);
      if (e.floatExceptionsObserved()) {
        e.raiseFloatExceptions(FloatConversions.exceptions(ops, source, to, converted));
      }
      return;
    }
    LLVMValueRef a = ops.read(i.f("rn"));
    IrBuilder ir = e.ir;
    LLVMValueRef result = switch (opcode) {
      case 0 -> a;
      case 1 -> ops.abs(a);
      case 2 -> ops.negate(a);
      case 3 -> {
        LLVMValueRef root = ir.intrinsic("llvm.sqrt", ops.value(a));
        if (e.floatExceptionsObserved()) {
          e.raiseFloatExceptions(
              FloatExceptions.arithmetic(e, ops, FloatExceptions.SQRT, root, ir.c(1, 0), ir.c(1, 0), a));
        }
        yield ops.result(root, a);
      }
      default -> {
        LLVMValueRef rounded = ops.roundToIntegral(ops.value(a), FRINT_ROUNDING[opcode - 8]);
        if (e.floatExceptionsObserved()) {
          // Only FRINTX signals Inexact.
          LLVMValueRef inexact = ir.fcmp(LLVMRealONE, rounded, ops.value(a));
          e.raiseFloatExceptions(ir.or(FloatExceptions.signallingOperand(ops, a),
              FloatExceptions.when(ir, ir.and(inexact, ir.c(1, opcode == 14 ? 1 : 0)), FloatExceptions.INEXACT)));
        }
        yield ops.result(rounded, a);
      }
    };
    ops.write(i.f("rd"), result);
  }
}
