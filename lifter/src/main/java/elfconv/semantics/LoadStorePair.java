package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.ir.IrBuilder;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** LDP, STP, LDPSW, LDNP, STNP: offset, pre-index and post-index. */
final class LoadStorePair implements Family {
  private static final int NO_ALLOCATE = 0;
  private static final int POST = 1;
  private static final int PRE = 3;

  @Override
  public String unallocated(Insn i) {
    int opc = i.f("opc");
    if (opc == 3) {
      return "unallocated opc/mode";
    }
    if (opc == 1 && (i.f("L") == 0 || i.f("mode") == NO_ALLOCATE)) {
      return "LDPSW store or non-temporal form";
    }
    if (i.f("L") == 1 && i.f("rt") == i.f("rt2")) {
      return "load pair into one register twice (unpredictable)";
    }
    boolean writeback = i.f("mode") == POST || i.f("mode") == PRE;
    boolean baseTransferred = i.f("rn") != 31 && (i.f("rn") == i.f("rt") || i.f("rn") == i.f("rt2"));
    return writeback && baseTransferred ? "pair writeback to a transferred register (unpredictable)" : null;
  }

  private static int scale(Insn i) {
    return i.f("opc") == 2 ? 3 : 2;
  }

  @Override
  public String disassemble(Insn i) {
    boolean wide = i.f("opc") != 0;
    String name = i.f("opc") == 1 ? "ldpsw" : (i.f("L") == 1 ? "ld" : "st") + (i.f("mode") == NO_ALLOCATE ? "np" : "p");
    String base = Asm.rsp(i.f("rn"), true);
    long imm = i.sf("imm7") << scale(i);
    String address = switch (i.f("mode")) {
      case POST -> "[" + base + "], " + Asm.imm(imm);
      case PRE -> "[" + base + ", " + Asm.imm(imm) + "]!";
      default -> imm == 0 ? "[" + base + "]" : "[" + base + ", " + Asm.imm(imm) + "]";
    };
    return Asm.join(name, Asm.r(i.f("rt"), wide), Asm.r(i.f("rt2"), wide), address);
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
      boolean signed = i.f("opc") == 1;
      int width = i.f("opc") == 0 ? 32 : 64;
      e.setReg(i.f("rt"), signed ? ir.sext(a, width) : ir.zext(a, width));
      e.setReg(i.f("rt2"), signed ? ir.sext(b, width) : ir.zext(b, width));
    } else {
      e.store(first, ir.trunc(e.reg(i.f("rt"), true), bytes * 8));
      e.store(second, ir.trunc(e.reg(i.f("rt2"), true), bytes * 8));
    }
    if (mode == POST || mode == PRE) {
      e.setRegOrSp(i.f("rn"), offsetAddress);
    }
  }
}
