package elfconv.lift;

import elfconv.a64.Insn;
import elfconv.a64.Op;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  static CallEffects compute(CallGraph calls, List<GuestFunction> functions, Map<Long, RegisterUsage> usage) {
    Map<Long, BitSet> written = new HashMap<>();
    Map<Long, BitSet> used = new HashMap<>();
    for (CallGraph.Node node : calls.nodes()) {
      GuestFunction f = node.function();
      RegisterUsage own = usage.get(f.entry());
      BitSet w = (BitSet) own.written().clone();
      BitSet u = (BitSet) own.read().clone();
      u.or(w);
      for (List<Insn> insns : f.blocks().values()) {
        for (Insn insn : insns) {
          if (insn.op() == Op.SVC) {
            w.set(0);
            u = (BitSet) RegisterFile.ALL.clone();
          }
        }
      }
      written.put(f.entry(), node.unknown() ? (BitSet) RegisterFile.ALL.clone() : w);
      used.put(f.entry(), node.unknown() ? (BitSet) RegisterFile.ALL.clone() : u);
    }
    Map<Long, BitSet> clobbers = calls.solve(n -> written.get(n.function().entry()), CallEffects::withTargets);
    Map<Long, BitSet> touched = calls.solve(n -> used.get(n.function().entry()), CallEffects::withTargets);
    PreservedRegisters.compute(functions, usage).forEach((entry, kept) -> clobbers.get(entry).andNot(kept));
    return new CallEffects(clobbers, touched);
  }

  /** A function's set with those of every function it calls or continues to added. */
  private static BitSet withTargets(CallGraph.Node node, Map<Long, BitSet> sets) {
    BitSet all = (BitSet) sets.get(node.function().entry()).clone();
    for (CallGraph.Edge edge : node.edges()) {
      BitSet theirs = sets.get(edge.target());
      if (theirs != null) {
        all.or(theirs);
      }
    }
    return all;
  }
}
