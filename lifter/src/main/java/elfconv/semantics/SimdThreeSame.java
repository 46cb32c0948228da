package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Advanced SIMD integer operations on two vectors of the same arrangement, lane by lane (opcode in bits 15..11,
 * U in bit 29); also their scalar forms on D registers (SIMD_SCALAR_THREE_SAME).
 */
final class SimdThreeSame implements Family {
  private static final int HADD = 0, QADD = 1, RHADD = 2, LOGIC = 3, HSUB = 4, QSUB = 5, CMGT = 6, CMGE = 7,
      SHL = 8, MAX = 12, MIN = 13, ABD = 14, ABA = 15, ADD = 16, CMTST = 17, MLA = 18, MUL = 19, MAXP = 20,
      MINP = 21, ADDP = 23;
  private static final String[][] NAMES = {
      {"shadd", "sqadd", "srhadd", null, "shsub", "sqsub", "cmgt", "cmge", "sshl", null, null, null, "smax", "smin",
          "sabd", "saba", "add", "cmtst", "mla", "mul", "smaxp", "sminp", null, "addp"},
      {"uhadd", "uqadd", "urhadd", null, "uhsub", "uqsub", "cmhi", "cmhs", "ushl", null, null, null, "umax", "umin",
          "uabd", "uaba", "sub", "cmeq", "mls", "pmul", "umaxp", "uminp", null, null}};
  private static final String[][] LOGIC_NAMES = {{"and", "bic", "orr", "orn"}, {"eor", "bsl", "bit", "bif"}};

  static int opcode(Insn i) {
    return (i.word() >>> 11) & 0x1f;
  }

  private static boolean scalar(Insn i) {
    return i.pattern().name().startsWith("SIMD_SCALAR");
  }

  private static int q(Insn i) {
    return scalar(i) ? 0 : i.f("Q");
  }

  @Override
  public String unallocated(Insn i) {
    int op = opcode(i);
    int size = i.f("size");
    boolean u = i.f("U") == 1;
    if (scalar(i)) {
      boolean allowed = op == QADD || op == QSUB || (size == 3 && (op == CMGT || op == CMGE || op == SHL
          || op == ADD || op == CMTST));
      return allowed ? null : "not a scalar operation";
    }
    if (op == LOGIC) {
      return null;
    }
    if (size == 3 && i.f("Q") == 0) {
      return "one 64-bit lane is not a vector";
    }
    boolean noDoubles = op == HADD || op == RHADD || op == HSUB || op == MAX || op == MIN || op == ABD || op == ABA
        || op == MLA || op == MUL || op == MAXP || op == MINP;
    if (size == 3 && noDoubles) {
      return "no 64-bit lanes";
    }
    if (op == MUL && u && size != 0) {
      return "PMUL multiplies bytes only";
    }
    return op == ADDP && u ? "unallocated" : null;
  }

  @Override
  public String disassemble(Insn i) {
    int op = opcode(i);
    int u = i.f("U");
    int size = i.f("size");
    int rd = i.f("rd");
    int rn = i.f("rn");
    int rm = i.f("rm");
    if (scalar(i)) {
      return Asm.join(NAMES[u][op], Asm.v(rd, 1 << size), Asm.v(rn, 1 << size), Asm.v(rm, 1 << size));
    }
    if (op == LOGIC) {
      String name = LOGIC_NAMES[u][size];
      if (u == 0 && size == 2 && rn == rm) {
        return Asm.join("mov", Simd.arrangement(rd, i.f("Q"), 0), Simd.arrangement(rn, i.f("Q"), 0));
      }
      return Asm.join(name, Simd.arrangement(rd, i.f("Q"), 0), Simd.arrangement(rn, i.f("Q"), 0),
          Simd.arrangement(rm, i.f("Q"), 0));
    }
    return Asm.join(NAMES[u][op], Simd.arrangement(rd, i.f("Q"), size), Simd.arrangement(rn, i.f("Q"), size),
        Simd.arrangement(rm, i.f("Q"), size));
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int op = opcode(i);
    boolean u = i.f("U") == 1;
    int size = op == LOGIC ? 0 : i.f("size");
    int q = q(i);
    int bits = Simd.bits(size);
    // A scalar operation is one lane: the rest of the register is cleared, and only that lane saturates.
    LLVMValueRef a = scalar(i) ? Simd.read(e, i.f("rn"), bits, 1) : Simd.arranged(e, i.f("rn"), q, size);
    LLVMValueRef b = scalar(i) ? Simd.read(e, i.f("rm"), bits, 1) : Simd.arranged(e, i.f("rm"), q, size);
    LLVMValueRef result = switch (op) {
      case HADD, RHADD, HSUB -> halving(ir, a, b, op, u);
      case QADD, QSUB -> {
        String kind = (u ? "llvm.u" : "llvm.s") + (op == QADD ? "add.sat" : "sub.sat");
        LLVMValueRef saturated = ir.intrinsic(kind, a, b);
        Simd.saturation(e, ir.ne(saturated, op == QADD ? ir.add(a, b) : ir.sub(a, b)));
        yield saturated;
      }
      case LOGIC -> logic(e, i, a, b);
      case CMGT -> ir.laneMask(u ? ir.ugt(a, b) : ir.sgt(a, b), bits);
      case CMGE -> ir.laneMask(u ? ir.uge(a, b) : ir.sge(a, b), bits);
      case SHL -> shift(ir, a, b, u);
      case MAX -> ir.intrinsic(u ? "llvm.umax" : "llvm.smax", a, b);
      case MIN -> ir.intrinsic(u ? "llvm.umin" : "llvm.smin", a, b);
      case ABD -> difference(ir, a, b, u);
      case ABA -> ir.add(Simd.arranged(e, i.f("rd"), q, size), difference(ir, a, b, u));
      case ADD -> u ? ir.sub(a, b) : ir.add(a, b);
      case CMTST -> ir.laneMask(u ? ir.eq(a, b) : ir.ne(ir.and(a, b), ir.c(a, 0)), bits);
      case MLA -> {
        LLVMValueRef d = Simd.arranged(e, i.f("rd"), q, size);
        yield u ? ir.sub(d, ir.mul(a, b)) : ir.add(d, ir.mul(a, b));
      }
      case MUL -> u ? polynomialMultiply(ir, a, b) : ir.mul(a, b);
      default -> pairwise(ir, a, b, op, u);
    };
    Simd.write(e, i.f("rd"), result);
  }

  /** (a + b) >> 1, (a + b + 1) >> 1 and (a - b) >> 1 without losing the carry: computed one bit wider. */
  private static LLVMValueRef halving(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, int op, boolean u) {
    int bits = IrBuilder.width(a);
    LLVMValueRef wa = ir.widen(a, bits * 2, !u);
    LLVMValueRef wb = ir.widen(b, bits * 2, !u);
    LLVMValueRef sum = op == HSUB ? ir.sub(wa, wb) : ir.add(wa, wb);
    if (op == RHADD) {
      sum = ir.add(sum, ir.c(sum, 1));
    }
    return ir.widen(ir.ashr(sum, ir.c(sum, 1)), bits, false);
  }

  private static LLVMValueRef logic(Emitter e, Insn i, LLVMValueRef n, LLVMValueRef m) {
    IrBuilder ir = e.ir;
    if (i.f("U") == 0) {
      return switch (i.f("size")) {
        case 0 -> ir.and(n, m);
        case 1 -> ir.and(n, ir.not(m));
        case 2 -> ir.or(n, m);
        default -> ir.or(n, ir.not(m));
      };
    }
    LLVMValueRef d = Simd.arranged(e, i.f("rd"), q(i), 0);
    return switch (i.f("size")) {
      case 0 -> ir.xor(n, m);
      case 1 -> ir.or(ir.and(d, n), ir.and(ir.not(d), m)); // BSL: d selects n
      case 2 -> ir.or(ir.and(n, m), ir.and(d, ir.not(m))); // BIT: insert n where m is set
      default -> ir.or(ir.and(d, m), ir.and(n, ir.not(m))); // BIF: insert n where m is clear
    };
  }

  /** SSHL/USHL: shift left by the signed low byte of b; a negative amount shifts right. */
  private static LLVMValueRef shift(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean u) {
    int bits = IrBuilder.width(a);
    LLVMValueRef amount = ir.widen(ir.widen(b, 8, false), bits, true);
    LLVMValueRef limit = ir.c(a, bits - 1);
    LLVMValueRef left = ir.select(ir.sgt(amount, limit), ir.c(a, 0), ir.shl(a, ir.and(amount, limit)));
    // Compared before negating: -(-128) does not fit a byte lane.
    LLVMValueRef beyond = ir.sle(amount, ir.c(a, -bits));
    LLVMValueRef distance = ir.and(ir.neg(amount), limit);
    LLVMValueRef right = u ? ir.select(beyond, ir.c(a, 0), ir.lshr(a, distance))
        : ir.ashr(a, ir.select(beyond, limit, distance));
    return ir.select(ir.slt(amount, ir.c(a, 0)), right, left);
  }

  private static LLVMValueRef difference(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, boolean u) {
    LLVMValueRef greater = u ? ir.ugt(a, b) : ir.sgt(a, b);
    return ir.select(greater, ir.sub(a, b), ir.sub(b, a));
  }

  /** PMUL: carry-less products of bytes, kept to 8 bits. */
  private static LLVMValueRef polynomialMultiply(IrBuilder ir, LLVMValueRef a, LLVMValueRef b) {
    LLVMValueRef result = ir.c(a, 0);
    for (int bit = 0; bit < 8; bit++) {
      LLVMValueRef set = ir.ne(ir.and(b, ir.c(b, 1L << bit)), ir.c(b, 0));
      result = ir.xor(result, ir.select(set, ir.shl(a, ir.c(a, bit)), ir.c(a, 0)));
    }
    return result;
  }

  /** The pairwise operations: lanes of a then b taken two by two. */
  private static LLVMValueRef pairwise(IrBuilder ir, LLVMValueRef a, LLVMValueRef b, int op, boolean u) {
    int lanes = IrBuilder.lanes(a);
    int[] even = new int[lanes];
    int[] odd = new int[lanes];
    for (int k = 0; k < lanes; k++) {
      even[k] = 2 * k;
      odd[k] = 2 * k + 1;
    }
    LLVMValueRef x = ir.shuffle(a, b, even);
    LLVMValueRef y = ir.shuffle(a, b, odd);
    return switch (op) {
      case MAXP -> ir.intrinsic(u ? "llvm.umax" : "llvm.smax", x, y);
      case MINP -> ir.intrinsic(u ? "llvm.umin" : "llvm.smin", x, y);
      default -> ir.add(x, y);
    };
  }
}
