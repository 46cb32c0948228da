package elfconv.semantics;

import static org.bytedeco.llvm.global.LLVM.LLVMRealONE;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
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
  public boolean readsFpcr(Insn i) {
    return true;
  }

  @Override
  public String disassemble(Insn i) {
    FloatFormat f = FloatFormat.ofType(i.f("type"));
    return Asm.join(MNEMONICS[i.f("o1") << 1 | i.f("o0")], f.register(i.f("rd")), f.register(i.f("rn")),
        f.register(i.f("rm")), f.register(i.f("ra")));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    FloatOps ops = new FloatOps(e, FloatFormat.ofType(i.f("type")));
    IrBuilder ir = e.ir;
    boolean negateAddend = i.f("o1") == 1;
    boolean negateProduct = i.f("o1") != i.f("o0");
    LLVMValueRef n = ops.read(i.f("rn"));
    LLVMValueRef m = ops.read(i.f("rm"));
    LLVMValueRef a = ops.read(i.f("ra"));
    n = negateProduct ? ops.negate(n) : n;
    a = negateAddend ? ops.negate(a) : a;
    LLVMValueRef fused = ops.f == FloatFormat.DOUBLE ? fusedDouble(e, ops, n, m, a)
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
   * x * y + z in double precision with one rounding. Where no intermediate can overflow or become subnormal (the
   * product's factors within 2^±450 of 1, the addend zero or within 2^±950: nearly always), with host operations
   * only: Dekker's exact product uh + ul, TwoSum th + tl = z + uh, then RN(th + RO(tl + ul)) (Boldo and
   * Melquiond's emulation of FMA through rounding to odd). Elsewhere by the runtime's integer implementation.
   */
  private static LLVMValueRef fusedDouble(Emitter e, FloatOps ops, LLVMValueRef xBits, LLVMValueRef yBits,
      LLVMValueRef zBits) {
    IrBuilder ir = ops.ir;
    LLVMValueRef safe = ir.and(ir.and(exponentWithin(ir, xBits, 450), exponentWithin(ir, yBits, 450)),
        ir.or(ops.isZero(zBits), exponentWithin(ir, zBits, 950)));
    LLVMBasicBlockRef slowBlock = e.newBlock("fma_runtime");
    LLVMBasicBlockRef fastBlock = e.newBlock("fma");
    LLVMBasicBlockRef join = e.newBlock("fma_done");
    ir.condBr(safe, fastBlock, slowBlock);

    ir.at(slowBlock);
    LLVMValueRef slow = e.fusedMultiplyAdd64(ops.value(xBits), ops.value(yBits), ops.value(zBits));
    ir.br(join);

    ir.at(fastBlock);
    LLVMValueRef x = ops.value(xBits);
    LLVMValueRef y = ops.value(yBits);
    LLVMValueRef z = ops.value(zBits);
    LLVMValueRef[] xs = split(ir, x);
    LLVMValueRef[] ys = split(ir, y);
    LLVMValueRef uh = ir.fmul(x, y);
    LLVMValueRef ul = ir.fadd(ir.fadd(ir.fadd(ir.fsub(ir.fmul(xs[0], ys[0]), uh), ir.fmul(xs[0], ys[1])),
        ir.fmul(xs[1], ys[0])), ir.fmul(xs[1], ys[1]));
    LLVMValueRef th = ir.fadd(z, uh);
    LLVMValueRef tl = twoSumError(ir, z, uh, th);
    LLVMValueRef fast = ir.fadd(th, roundToOdd(ir, tl, ul));
    LLVMBasicBlockRef fastEnd = ir.currentBlock();
    ir.br(join);

    ir.at(join);
    return ir.phi(ir.m.f64, new LLVMValueRef[] {slow, fast}, new LLVMBasicBlockRef[] {slowBlock, fastEnd});
  }

  /** Whether a double's unbiased exponent is within [-limit, limit] (so it is normal and finite). */
  private static LLVMValueRef exponentWithin(IrBuilder ir, LLVMValueRef bits, int limit) {
    LLVMValueRef biased = ir.and(ir.lshr(bits, ir.c(64, 52)), ir.c(64, 0x7ff));
    return ir.ult(ir.sub(biased, ir.c(64, 1023 - limit)), ir.c(64, 2L * limit + 1));
  }

  /** Veltkamp's split of a double into two halves of 26 significant bits each: hi + lo = v exactly. */
  private static LLVMValueRef[] split(IrBuilder ir, LLVMValueRef v) {
    LLVMValueRef gamma = ir.fmul(v, ir.cf(ir.m.f64, 0x1p27 + 1));
    LLVMValueRef hi = ir.fsub(gamma, ir.fsub(gamma, v));
    return new LLVMValueRef[] {hi, ir.fsub(v, hi)};
  }

  /** TwoSum: the exact error a + b - sum of the host's sum. */
  private static LLVMValueRef twoSumError(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, LLVMValueRef sum) {
    LLVMValueRef bPart = ir.fsub(sum, a);
    return ir.fadd(ir.fsub(a, ir.fsub(sum, bPart)), ir.fsub(b, bPart));
  }

  /** a + b rounded to odd: the host's rounded sum, its last bit set toward the error when it was inexact. */
  private static LLVMValueRef roundToOdd(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef sum = ir.fadd(a, b);
    LLVMValueRef error = twoSumError(ir, a, b, sum);
    LLVMValueRef sumBits = ir.bitcast(sum, ir.m.i64);
    LLVMValueRef errorBits = ir.bitcast(error, ir.m.i64);
    LLVMValueRef inexactAndEven = ir.and(ir.fcmp(LLVMRealONE, error, ir.cf(ir.m.f64, 0)),
        ir.eq(ir.and(sumBits, ir.c(64, 1)), ir.c(64, 0)));
    // One unit in the last place away from zero when the error has the sum's sign, else toward zero.
    LLVMValueRef sameSign = ir.eq(ir.lshr(ir.xor(sumBits, errorBits), ir.c(64, 63)), ir.c(64, 0));
    LLVMValueRef odd = ir.select(sameSign, ir.add(sumBits, ir.c(64, 1)), ir.sub(sumBits, ir.c(64, 1)));
    return ir.bitcast(ir.select(inexactAndEven, odd, sumBits), ir.m.f64);
  }

  /**
   * x * y + z in single precision with one rounding, in double arithmetic: the product is exact in double; the sum
   * is rounded to odd (the error of the host's sum, from TwoSum, sets the last bit), and rounding that to single
   * precision is then the correctly rounded result, as a double has more than two bits to spare.
   */
  private static LLVMValueRef fusedSingle(FloatOps ops, LLVMValueRef x, LLVMValueRef y, LLVMValueRef z) {
    IrBuilder ir = ops.ir;
    LLVMValueRef product = ir.fmul(ir.fpext(x, ir.m.f64), ir.fpext(y, ir.m.f64));
    return ir.fptrunc(roundToOdd(ir, product, ir.fpext(z, ir.m.f64)), ir.m.f32);
  }
}
