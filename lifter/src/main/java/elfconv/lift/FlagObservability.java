package elfconv.lift;

import elfconv.a64.A64Decoder;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether any function can observe flags another function set: an instruction that reads a flag on a path from a
 * function entry, or from the return point of a call, with no flag write before it. Compilers never leave flags
 * live across calls, so usually none can; then NZCV stays inside each function and costs nothing at calls and
 * returns. When one can, flags travel through the guest state like every other register.
 */
final class FlagObservability {
  private FlagObservability() {}

  static boolean flagsCrossFunctions(List<GuestFunction> functions, Map<Long, RegisterUsage> usage) {
    for (GuestFunction f : functions) {
      RegisterUsage u = usage.get(f.entry());
      Set<Long> starts = new HashSet<>(f.resumePoints());
      starts.add(f.entry());
      for (long start : starts) {
        if (readsBeforeWrite(f, u, start)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when some path from {@code start} reads a flag before writing them, within the function. */
  private static boolean readsBeforeWrite(GuestFunction f, RegisterUsage u, long start) {
    Deque<Long> work = new ArrayDeque<>(List.of(start));
    Set<Long> seen = new HashSet<>();
    while (!work.isEmpty()) {
      long block = work.pop();
      List<Insn> insns = f.blocks().get(block);
      if (insns == null || !seen.add(block)) {
        continue;
      }
      boolean pathEnds = false;
      for (Insn insn : insns) {
        if (u.flagReaders().contains(insn.address())) {
          return true;
        }
        Flow flow = A64Decoder.family(insn).flow(insn);
        // A flag write ends the path; so does a call, whose return point is a start of its own.
        if (u.flagWriters().contains(insn.address()) || flow.kind() == Flow.Kind.CALL
            || flow.kind() == Flow.Kind.CALL_INDIRECT) {
          pathEnds = true;
          break;
        }
        switch (flow.kind()) {
          case BRANCH -> work.push(flow.target());
          case CONDITIONAL -> work.push(flow.target());
          case JUMP_INDIRECT -> work.addAll(f.indirectTargets());
          default -> { }
        }
      }
      if (!pathEnds) {
        Insn last = insns.get(insns.size() - 1);
        if (!A64Decoder.family(last).flow(last).endsBlock()) {
          work.push(last.address() + 4);
        }
      }
    }
    return false;
  }
}
