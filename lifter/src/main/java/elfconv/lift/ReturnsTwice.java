package elfconv.lift;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Functions that may return more than once, like setjmp: those that keep their return address somewhere other
 * than their own stack frame (a jmp_buf, a ucontext), and those that tail-call one. Only after calls to them can
 * control come back into a caller from a later, non-local return (longjmp), so only their return addresses are
 * resume points of the caller; every other call has one way back, and its registers merge nowhere else.
 */
final class ReturnsTwice {
  private ReturnsTwice() {}

  static Set<Long> functions(CallGraph calls, Map<Long, RegisterUsage> usage) {
    Map<Long, Boolean> twice = calls.solve(n -> usage.get(n.function().entry()).linkRegisterEscapes(),
        (n, values) -> values.get(n.function().entry()) || n.targets(CallGraph.Kind.TAIL_CALL).stream()
            .anyMatch(t -> Boolean.TRUE.equals(values.get(t))));
    Set<Long> result = new HashSet<>();
    twice.forEach((entry, yes) -> {
      if (yes) {
        result.add(entry);
      }
    });
    return result;
  }

  /**
   * The addresses where a non-local return can resume {@code f}: the return addresses of its direct calls to
   * functions that may return twice (C only allows setjmp to be called directly), and its landing pads, where the
   * unwinder's return lands. A non-local return to any other address reaches the runtime, which stops the guest
   * naming that address.
   */
  static Set<Long> resumePoints(GuestFunction f, Set<Long> returnsTwice) {
    Set<Long> points = new TreeSet<>(f.landingPads());
    for (List<Insn> block : f.blocks().values()) {
      for (Insn insn : block) {
        Flow flow = Flow.of(insn);
        if (flow.kind() == Flow.Kind.CALL && returnsTwice.contains(flow.target())) {
          points.add(insn.address() + 4);
        }
      }
    }
    return points;
  }
}
