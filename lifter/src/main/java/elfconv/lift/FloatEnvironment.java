package elfconv.lift;

import elfconv.a64.Insn;
import java.util.List;

/**
 * Whole-program facts about the FP environment. A process starts with FPCR = 0 (round to nearest, no
 * flush-to-zero, NaNs propagated, IEEE half precision) and only MSR FPCR changes it: a program without one runs
 * every FP instruction in that environment, and its translation checks FPCR nowhere. FPSR's cumulative exception
 * flags are only visible through MRS FPSR: a program without one needs no flags computed at all.
 */
final class FloatEnvironment {
  /** FPCR.AHP, DN, FZ and RMode: the bits that change FP results. */
  static final long NON_DEFAULT_FPCR = 0x07c00000L;

  private FloatEnvironment() {}

  static boolean fpcrWritten(List<GuestFunction> functions) {
    return anyAccess(functions, false, 0);
  }

  static boolean fpsrRead(List<GuestFunction> functions) {
    return anyAccess(functions, true, 1);
  }

  private static boolean anyAccess(List<GuestFunction> functions, boolean read, int op2) {
    for (GuestFunction f : functions) {
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          if (accesses(insn, read, op2)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** MRS or MSR of FPCR (op2 = 0) or FPSR (op2 = 1): op0 = 3, op1 = 3, CRn = 4, CRm = 4. */
  private static boolean accesses(Insn insn, boolean read, int op2) {
    return insn.pattern().name().equals("SYS_REG") && insn.f("L") == (read ? 1 : 0) && insn.f("o0") == 1
        && insn.f("op1") == 3 && insn.f("crn") == 4 && insn.f("crm") == 4 && insn.f("op2") == op2;
  }
}
