package elfconv.lift;

import elfconv.a64.Insn;
import elfconv.a64.Op;
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
    return any(functions, Op.MSR_FPCR);
  }

  static boolean fpsrRead(List<GuestFunction> functions) {
    return any(functions, Op.MRS_FPSR);
  }

  private static boolean any(List<GuestFunction> functions, Op op) {
    for (GuestFunction f : functions) {
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          if (insn.op() == op) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
