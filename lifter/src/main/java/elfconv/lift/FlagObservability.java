package elfconv.lift;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Whether any function can observe flags another function set: an instruction that reads a flag on a path from a
 * function entry, or from the return point of a call, with no flag write before it. Compilers never leave flags
 * live across calls, so usually none can; then NZCV stays inside each function and costs nothing at calls and
 * returns. When one can, flags travel through the guest state like every other register.
 */
final class FlagObservability {
  private FlagObservability() {}

  static boolean flagsCrossFunctions(CallGraph calls, Map<Long, RegisterUsage> usage) {
    Map<Long, Boolean> returning = mayReturn(calls);
    LongPredicate mayReturn = target -> !calls.isFunction(target) || returning.get(target);
    for (CallGraph.Node node : calls.nodes()) {
      GuestFunction f = node.function();
      RegisterUsage u = usage.get(f.entry());
      Set<Long> starts = new HashSet<>(List.of(f.entry()));
      // Past a call that never returns (__assert_fail's) is other code, which only branches reach.
      for (Insn insn : instructions(f)) {
        Flow flow = Flow.of(insn);
        if (flow.kind() == Flow.Kind.CALL_INDIRECT
            || flow.kind() == Flow.Kind.CALL && mayReturn.test(flow.target())) {
          starts.add(insn.address() + 4);
        }
      }
      for (long start : starts) {
        if (readsBeforeWrite(f, u, start)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The functions that may return: where a RET, an indirect jump, or a tail call (a branch or fall-through out of
   * the function) of one that may is reachable from the entry. The others end the process (abort, exit,
   * __assert_fail) or never stop. Code that is no function's entry may return, as far as anyone here knows.
   */
  private static Map<Long, Boolean> mayReturn(CallGraph calls) {
    return calls.solve(n -> false, (n, values) -> values.get(n.function().entry())
        || returns(n.function(), t -> !calls.isFunction(t) || values.get(t)));
  }

  private static boolean returns(GuestFunction f, LongPredicate mayReturn) {
    Deque<Long> work = new ArrayDeque<>(List.of(f.entry()));
    Set<Long> seen = new HashSet<>();
    while (!work.isEmpty()) {
      long start = work.pop();
      List<Insn> block = f.blocks().get(start);
      if (block == null) {
        if (mayReturn.test(start)) {
          return true;
        }
        continue;
      }
      if (!seen.add(start)) {
        continue;
      }
      boolean fallsThrough = true;
      for (Insn insn : block) {
        Flow flow = Flow.of(insn);
        switch (flow.kind()) {
          case RETURN, JUMP_INDIRECT -> {
            return true;
          }
          case BRANCH, CONDITIONAL -> work.push(flow.target());
          case CALL -> fallsThrough = mayReturn.test(flow.target());
          default -> { }
        }
        fallsThrough &= !flow.endsBlock();
        if (!fallsThrough) {
          break;
        }
      }
      if (fallsThrough) {
        work.push(block.get(block.size() - 1).address() + 4);
      }
    }
    return false;
  }

  private static List<Insn> instructions(GuestFunction f) {
    return f.blocks().values().stream().flatMap(List::stream).toList();
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
        Flow flow = Flow.of(insn);
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
        if (!Flow.of(last).endsBlock()) {
          work.push(last.address() + 4);
        }
      }
    }
    return false;
  }
}
