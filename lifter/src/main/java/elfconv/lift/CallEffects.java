package elfconv.lift;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import elfconv.a64.Op;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * What a call does with the register file, per callee, counting what its direct callees and tail-call targets do,
 * and everything where it reaches code only the runtime knows (an indirect call or jump, an untranslated address).
 *
 * @param clobbers the registers a call may change before it comes back to its return address: what the callee
 *     writes, X0 where it makes a system call, less the callee-saved registers it gives back unchanged
 *     ({@link PreservedRegisters}). After a call returns normally the caller reloads only those; after a non-local
 *     return it reloads everything.
 * @param touched the registers whose guest-state slots a call may read or write: what the callee reads or writes,
 *     everything where it makes a system call (a signal handler sees the whole register file). Before a call the
 *     caller writes back only those; the others stay in its own slots, dirty, across the call.
 */
record CallEffects(Map<Long, BitSet> clobbers, Map<Long, BitSet> touched) {
  static CallEffects compute(List<GuestFunction> functions, Map<Long, RegisterUsage> usage,
      LongPredicate translated) {
    Map<Long, BitSet> clobbers = new HashMap<>();
    Map<Long, BitSet> touched = new HashMap<>();
    Map<Long, List<Long>> successors = new HashMap<>();
    for (GuestFunction f : functions) {
      RegisterUsage own = usage.get(f.entry());
      BitSet written = (BitSet) own.written().clone();
      BitSet used = (BitSet) own.read().clone();
      used.or(written);
      List<Long> reached = new ArrayList<>();
      boolean unknown = false;
      for (Map.Entry<Long, List<Insn>> block : f.blocks().entrySet()) {
        List<Insn> insns = block.getValue();
        for (Insn insn : insns) {
          Flow flow = Flow.of(insn);
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
          if (insn.op() == Op.SVC) {
            written.set(0);
            used = (BitSet) Emitter.ALL.clone();
          }
        }
        Insn last = insns.get(insns.size() - 1);
        Flow.Kind lastKind = Flow.of(last).kind();
        boolean fallsThrough = lastKind != Flow.Kind.BRANCH && lastKind != Flow.Kind.JUMP_INDIRECT
            && lastKind != Flow.Kind.RETURN && lastKind != Flow.Kind.STOP;
        if (fallsThrough && !f.blocks().containsKey(last.address() + 4)) {
          reached.add(last.address() + 4);
        }
      }
      for (long target : reached) {
        unknown |= !translated.test(target);
      }
      clobbers.put(f.entry(), unknown ? (BitSet) Emitter.ALL.clone() : written);
      touched.put(f.entry(), unknown ? (BitSet) Emitter.ALL.clone() : used);
      successors.put(f.entry(), reached);
    }
    propagate(functions, clobbers, successors);
    propagate(functions, touched, successors);
    PreservedRegisters.compute(functions, usage).forEach((entry, kept) -> clobbers.get(entry).andNot(kept));
    return new CallEffects(clobbers, touched);
  }

  /** Adds to each function's set its successors' sets until nothing changes (recursion closes cycles). */
  private static void propagate(List<GuestFunction> functions, Map<Long, BitSet> sets,
      Map<Long, List<Long>> successors) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (GuestFunction f : functions) {
        BitSet mine = sets.get(f.entry());
        int before = mine.cardinality();
        for (long target : successors.get(f.entry())) {
          BitSet theirs = sets.get(target);
          if (theirs != null) {
            mine.or(theirs);
          }
        }
        changed |= mine.cardinality() != before;
      }
    }
  }
}
