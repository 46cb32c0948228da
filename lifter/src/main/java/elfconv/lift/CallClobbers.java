package elfconv.lift;

import elfconv.a64.A64Decoder;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The registers a call may change before it comes back to its return address: what the callee writes, what its
 * direct callees and tail-call targets change, X0 where it makes a system call, and everything where it reaches
 * code only the runtime knows (an indirect call or jump), less the callee-saved registers it gives back unchanged
 * ({@link PreservedRegisters}). After a call returns normally the caller reloads only those; after a non-local
 * return it reloads everything.
 */
final class CallClobbers {
  private CallClobbers() {}

  static Map<Long, BitSet> compute(List<GuestFunction> functions, Map<Long, RegisterUsage> usage,
      LongPredicate translated) {
    Map<Long, BitSet> clobbers = new HashMap<>();
    Map<Long, List<Long>> successors = new HashMap<>();
    for (GuestFunction f : functions) {
      BitSet own = (BitSet) usage.get(f.entry()).written().clone();
      List<Long> reached = new java.util.ArrayList<>();
      boolean unknown = false;
      for (Map.Entry<Long, List<Insn>> block : f.blocks().entrySet()) {
        List<Insn> insns = block.getValue();
        for (Insn insn : insns) {
          Flow flow = A64Decoder.family(insn).flow(insn);
          switch (flow.kind()) {
            case CALL -> reached.add(flow.target());
            case BRANCH, CONDITIONAL -> {
              if (!f.blocks().containsKey(flow.target())) {
                reached.add(flow.target());
              }
            }
            case CALL_INDIRECT, JUMP_INDIRECT -> unknown = true;
            default -> { }
          }
          if (insn.pattern().name().equals("SVC")) {
            own.set(0);
          }
        }
        Insn last = insns.get(insns.size() - 1);
        Flow.Kind lastKind = A64Decoder.family(last).flow(last).kind();
        boolean fallsThrough = lastKind != Flow.Kind.BRANCH && lastKind != Flow.Kind.JUMP_INDIRECT
            && lastKind != Flow.Kind.RETURN && lastKind != Flow.Kind.STOP;
        if (fallsThrough && !f.blocks().containsKey(last.address() + 4)) {
          reached.add(last.address() + 4);
        }
      }
      for (long target : reached) {
        unknown |= !translated.test(target);
      }
      clobbers.put(f.entry(), unknown ? (BitSet) Emitter.ALL.clone() : own);
      successors.put(f.entry(), reached);
    }
    // Propagate along calls and tail calls until nothing changes (recursion closes cycles).
    boolean changed = true;
    while (changed) {
      changed = false;
      for (GuestFunction f : functions) {
        BitSet mine = clobbers.get(f.entry());
        int before = mine.cardinality();
        for (long target : successors.get(f.entry())) {
          BitSet theirs = clobbers.get(target);
          if (theirs != null) {
            mine.or(theirs);
          }
        }
        changed |= mine.cardinality() != before;
      }
    }
    PreservedRegisters.compute(functions, usage).forEach((entry, kept) -> clobbers.get(entry).andNot(kept));
    return clobbers;
  }
}
