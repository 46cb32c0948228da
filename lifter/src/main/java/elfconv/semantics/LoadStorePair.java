package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * LDP, STP, LDPSW, LDNP, STNP of general-purpose registers and of SIMD&FP registers (S, D, Q): offset,
 * pre-index and post-index.
 */
final class LoadStorePair implements Family {
  private static final int NO_ALLOCATE = 0;
  private static final int POST = 1;
  private static final int PRE = 3;

  private static boolean vector(Insn i) {
    return i.f("V") == 1;
  }

  @Override
  public String unallocated(Insn i) {
    int opc = i.f("opc");
    if (opc == 3) {
      return "unallocated opc/mode";
    }
    if (!vector(i) && opc == 1 && (i.f("L") == 0 || i.f("mode") == NO_ALLOCATE)) {
      return "LDPSW store or non-temporal form";
    }
    if (i.f("L") == 1 && i.f("rt") == i.f("rt2")) {
      return "load pair into one register twice (unpredictable)";
    }
    boolean writeback = i.f("mode") == POST || i.f("mode") == PRE;
    boolean baseTransferred = !vector(i) && i.f("rn") != 31 && (i.f("rn") == i.f("rt") || i.f("rn") == i.f("rt2"));
    return writeback && baseTransferred ? "pair writeback to a transferred register (unpredictable)" : null;
  }

  /** log2 of the bytes per register. */
  private static int scale(Insn i) {
    return vector(i) ? 2 + i.f("opc") : i.f("opc") == 2 ? 3 : 2;
  }

  private static String register(Insn i, int n) {
    return vector(i) ? Asm.v(n, 1 << scale(i)) : Asm.r(n, i.f("opc") != 0);
  }

  @Override
  public String disassemble(Insn i) {
    String name = !vector(i) && i.f("opc") == 1 ? "ldpsw"
        : (i.f("L") == 1 ? "ld" : "st") + (i.f("mode") == NO_ALLOCATE ? "np" : "p");
    String base = Asm.rsp(i.f("rn"), true);
    long imm = i.sf("imm7") << scale(i);
    String address = switch (i.f("mode")) {
      case POST -> "[" + base + "], " + Asm.imm(imm);
      case PRE -> "[" + base + ", " + Asm.imm(imm) + "]!";
      default -> imm == 0 ? "[" + base + "]" : "[" + base + ", " + Asm.imm(imm) + "]";
    };
    return Asm.join(name, register(i, i.f("rt")), register(i, i.f("rt2")), address);
  }

  @Override
  public void lift(Insn i, Emitter e) {
    IrBuilder ir = e.ir;
    int mode = i.f("mode");
    int bytes = 1 << scale(i);
    LLVMValueRef base = e.regOrSp(i.f("rn"), true);
    LLVMValueRef offsetAddress = ir.add(base, ir.c(64, i.sf("imm7") << scale(i)));
    LLVMValueRef first = mode == POST ? base : offsetAddress;
    LLVMValueRef second = ir.add(first, ir.c(64, bytes));
    if (i.f("L") == 1) {
      LLVMValueRef a = e.load(first, bytes);
      LLVMValueRef b = e.load(second, bytes);
      if (vector(i)) {
        e.setVreg(i.f("rt"), a);
        e.setVreg(i.f("rt2"), b);
      } else {
        boolean signed = i.f("opc") == 1;
        int width = i.f("opc") == 0 ? 32 : 64;
        e.setReg(i.f("rt"), signed ? ir.sext(a, width) : ir.zext(a, width));
        e.setReg(i.f("rt2"), signed ? ir.sext(b, width) : ir.zext(b, width));
      }
    } else {
      e.store(first, value(i, e, i.f("rt"), bytes));
      e.store(second, value(i, e, i.f("rt2"), bytes));
    }
    if (mode == POST || mode == PRE) {
      e.setRegOrSp(i.f("rn"), offsetAddress);
    }
  }

  private static LLVMValueRef value(Insn i, Emitter e, int register, int bytes) {
    return vector(i) ? e.vreg(register, bytes) : e.ir.trunc(e.reg(register, true), bytes * 8);
  }
}
