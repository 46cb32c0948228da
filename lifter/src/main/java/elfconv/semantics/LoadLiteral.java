package elfconv.semantics;

import elfconv.a64.Args;
import elfconv.lift.Emitter;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** LDR (literal) of W, X, S, D, Q registers and LDRSW (literal): PC-relative loads. */
final class LoadLiteral {
  private LoadLiteral() {}

  /** A W destination is zero-extended like an X one (QEMU loads it without ext too). */
  static void LD_lit(Args.LdLit a, Emitter e) {
    MemoryAccess.load(e, address(a, e), a.rt(), a.sz(), a.sign(), 0);
  }

  static void LD_lit_v(Args.LdLit a, Emitter e) {
    MemoryAccess.loadVector(e, address(a, e), a.rt(), a.sz());
  }

  private static LLVMValueRef address(Args.LdLit a, Emitter e) {
    return e.ir.c(64, e.pc() + (long) a.imm() * 4);
  }
}
