package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * FMADD, FMSUB, FNMADD, FNMSUB: Rn * Rm + Ra with one rounding, after negating Rn and/or Ra as bits (so a NaN
 * operand passes through with its sign flipped, as FPMulAdd sees it).
 */
final class FloatMultiplyAdd implements Family {
  private static final String[] MNEMONICS = {"fmadd", "fmsub", "fnmadd", "fnmsub"};

  @Override
  public String unallocated(Insn i) {
    return i.f("type") > 1 ? "half-precision arithmetic needs FEAT_FP16" : null;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    return Asm.join(MNEMONICS[i.f("o1") << 1 | i.f("o0")], f.register(i.f("rd")), f.register(i.f("rn")),
        f.register(i.f("rm")), f.register(i.f("ra")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    e.requireDefaultFloatEnvironment();
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    IrBuilder ir = e.ir;
    boolean negateAddend = i.f("o1") == 1;
    boolean negateProduct = i.f("o1") != i.f("o0");
    LLVMValueRef n = ops.read(i.f("rn"));
    LLVMValueRef m = ops.read(i.f("rm"));
    LLVMValueRef a = ops.read(i.f("ra"));
    n = negateProduct ? ops.negate(n) : n;
    a = negateAddend ? ops.negate(a) : a;
    LLVMValueRef fused = ops.f == FloatFormat.DOUBLE
        ? e.fusedMultiplyAdd64(ops.value(n), ops.value(m), ops.value(a))
        : fusedSingle(ops, ops.value(n), ops.value(m), ops.value(a));
    // A quiet NaN addend does not hide the invalid operation infinity * 0: that gives the default NaN.
    LLVMValueRef infinityTimesZero = ir.or(ir.and(ops.isInfinity(n), ops.isZero(m)),
        ir.and(ops.isZero(n), ops.isInfinity(m)));
    LLVMValueRef quietAddend = ir.and(ops.isNaN(a), ir.not(ops.isSignalling(a)));
    LLVMValueRef result = ops.result(fused, a, n, m);
    LLVMValueRef invalidWithQuietAddend = ir.and(quietAddend, infinityTimesZero);
    ops.write(i.f("rd"), ir.select(invalidWithQuietAddend, ops.c(ops.f.defaultNaN()), result));
    if (e.floatExceptionsObserved()) {
      e.raiseFloatExceptions(FloatExceptions.arithmetic(e, ops, FloatExceptions.FUSED, fused, invalidWithQuietAddend,
          ir.c(1, 0), n, m, a));
    }
  }

  /**
   * x * y + z in single precision with one rounding, in double arithmetic: the product is exact in double; the sum
   * is rounded to odd (the error of the host's sum, from TwoSum, sets the last bit), and rounding that to single
   * precision is then the correctly rounded result, as a double has more than two bits to spare.
   */
  private static LLVMValueRef fusedSingle(FloatOps ops, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    IrBuilder ir = ops.ir;
    LLVMValueRef product = ir.fmul(ir.fpext(x, ir.m.f64), ir.fpext(y, ir.m.f64));
    LLVMValueRef addend = ir.fpext(z, ir.m.f64);
    LLVMValueRef sum = ir.fadd(product, addend);
    LLVMValueRef productPart = ir.fsub(sum, addend);
    LLVMValueRef error = ir.fadd(ir.fsub(product, productPart), ir.fsub(addend, ir.fsub(sum, productPart)));
    LLVMValueRef sumBits = ir.bitcast(sum, ir.m.i64);
    LLVMValueRef errorBits = ir.bitcast(error, ir.m.i64);
    LLVMValueRef inexactAndEven = ir.and(ir.fcmp(LLVMRealONE, error, ir.cf(ir.m.f64, 0)),
        ir.eq(ir.and(sumBits, ir.c(64, 1)), ir.c(64, 0)));
    // One unit in the last place away from zero when the error has the sum's sign, else toward zero.
    LLVMValueRef sameSign = ir.eq(ir.lshr(ir.xor(sumBits, errorBits), ir.c(64, 63)), ir.c(64, 0));
    LLVMValueRef odd = ir.select(sameSign, ir.add(sumBits, ir.c(64, 1)), ir.sub(sumBits, ir.c(64, 1)));
    LLVMValueRef roundedToOdd = ir.bitcast(ir.select(inexactAndEven, odd, sumBits), ir.m.f64);
    return ir.fptrunc(roundedToOdd, ir.m.f32);
  }
}
