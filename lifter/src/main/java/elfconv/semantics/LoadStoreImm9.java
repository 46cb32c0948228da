package elfconv.semantics;

import elfconv.a64.Insn;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Loads and stores with a signed 9-bit byte offset: unscaled (LDUR), post-index, unprivileged (LDTR), pre-index. */
final class LoadStoreImm9 implements Family {
  private static final int UNSCALED = 0;
  private static final int POST = 1;
  private static final int UNPRIVILEGED = 2;
  private static final int PRE = 3;

  private static MemoryAccess access(Insn i) {
    return MemoryAccess.of(i.f("size"), i.f("opc"), i.f("V"));
  }

  @Override
  public String unallocated(Insn i) {
    MemoryAccess a = access(i);
    if (a == null) {
      return "unallocated size/opc";
    }
    if (a.prefetch() && i.f("mode") != UNSCALED) {
      return "prefetch with writeback or unprivileged";
    }
    if (a.vector() && i.f("mode") == UNPRIVILEGED) {
      return "no unprivileged SIMD&FP access";
    }
    // Loading the base register with writeback is unpredictable; like LLVM, elfconv rejects it for the
    // zero-extending loads and the sign-extending loads to W (opc 01 and 11), and accepts the rest.
    boolean unscaled = i.f("mode") == UNSCALED;
    boolean rejected = !a.vector() && (i.f("opc") & 1) == 1;
    return !unscaled && rejected && i.f("rt") == i.f("rn") && i.f("rn") != 31
        ? "load into its own base register with writeback or unprivileged" : null;
  }

  @Override
  public String disassemble(Insn i) {
    MemoryAccess a = access(i);
    String base = Asm.rsp(i.f("rn"), true);
    long imm = i.sf("imm9");
    String offset = imm == 0 ? "[" + base + "]" : "[" + base + ", " + Asm.imm(imm) + "]";
    return switch (i.f("mode")) {
      case POST -> Asm.join(a.mnemonic(""), a.register(i.f("rt")), "[" + base + "], " + Asm.imm(imm));
      case PRE -> Asm.join(a.mnemonic(""), a.register(i.f("rt")), "[" + base + ", " + Asm.imm(imm) + "]!");
      case UNPRIVILEGED -> Asm.join(a.mnemonic("t"), a.register(i.f("rt")), offset);
      default -> Asm.join(a.mnemonic("u"), a.register(i.f("rt")), offset);
    };
  }

  @Override
  public void lift(Insn i, Emitter e) {
    int mode = i.f("mode");
    LLVMValueRef base = e.regOrSp(i.f("rn"), true);
    LLVMValueRef offsetAddress = e.ir.add(base, e.ir.c(64, i.sf("imm9")));
    access(i).perform(e, mode == POST ? base : offsetAddress, i.f("rt"));
    if (mode == POST || mode == PRE) {
      e.setRegOrSp(i.f("rn"), offsetAddress);
    }
  }
}
