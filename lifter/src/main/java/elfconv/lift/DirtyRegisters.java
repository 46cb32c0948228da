package elfconv.lift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Which registers may hold a value the guest state does not have yet ("dirty") where each block of a function
 * starts. A write makes a register dirty; a call writes back the dirty ones its callee touches
 * ({@link CallEffects#touched()}), a system call all of them, after which those agree with the state. A call then
 * costs what was written since the last one that needed it rather than everything the function writes.
 *
 * <p>A loop header (a block some branch reaches backwards in address order) starts with only what its loop's
 * branches back carry; a branch into it from before the loop writes back the rest on the way in. A register set up
 * before a loop with a call in it is then stored once, not at every call the loop makes. Any other block starts
 * with whatever any branch to it carries.
 *
 * <p>The first lifting pass records, for every branch between the function's own blocks, what the source block
 * wrote and which calls it made before the branch; once every callee's effects are known, a fixpoint over those
 * edges gives each block's entry set.
 */
final class DirtyRegisters {
  /** Marks a synchronisation with the whole register file: a system call, or a call the lifter cannot see into. */
  static final long EVERYTHING = -1;

  /** What a block wrote before a synchronisation, and the callee it synchronised for (or {@link #EVERYTHING}). */
  record Sync(BitSet writtenBefore, long callee) {}

  /**
   * A branch from block {@code from} to block {@code to}.
   *
   * @param syncs the synchronisations of {@code from} before the branch, in order
   * @param written what {@code from} wrote after the last of them (or since it started)
   */
  private record Edge(long from, long to, List<Sync> syncs, BitSet written) {}

  /** What a branch does to the dirty set: dirty at {@code to} = (dirty at its source - killed) | generated. */
  private record Transfer(long to, BitSet generated, BitSet killed) {}

  private final List<Edge> edges = new ArrayList<>();

  void branch(long from, long to, List<Sync> syncs, BitSet written) {
    edges.add(new Edge(from, to, List.copyOf(syncs), (BitSet) written.clone()));
  }

  /**
   * The registers that may be dirty at the start of each block, given the registers each callee touches
   * ({@code touched}, null for everything); a block absent from the map starts clean. A branch carrying more
   * writes those back first ({@link FunctionLifter}).
   */
  Map<Long, BitSet> onEntry(LongFunction<BitSet> touched) {
    Set<Long> loopHeaders = new HashSet<>();
    for (Edge edge : edges) {
      if (edge.from >= edge.to) {
        loopHeaders.add(edge.to);
      }
    }
    Map<Long, List<Transfer>> outgoing = new HashMap<>();
    for (Edge edge : edges) {
      if (edge.from < edge.to && loopHeaders.contains(edge.to)) {
        continue; // into a loop from before it: written back on the way
      }
      BitSet generated = new BitSet();
      BitSet killed = new BitSet();
      for (Sync sync : edge.syncs) {
        BitSet mask = sync.callee == EVERYTHING ? null : touched.apply(sync.callee);
        if (mask == null) {
          mask = RegisterFile.ALL;
        }
        generated.or(sync.writtenBefore);
        generated.andNot(mask);
        killed.or(mask);
      }
      generated.or(edge.written);
      outgoing.computeIfAbsent(edge.from, k -> new ArrayList<>()).add(new Transfer(edge.to, generated, killed));
    }
    Map<Long, BitSet> entry = new HashMap<>();
    Deque<Long> work = new ArrayDeque<>(outgoing.keySet());
    while (!work.isEmpty()) {
      long block = work.poll();
      BitSet in = entry.getOrDefault(block, new BitSet());
      for (Transfer transfer : outgoing.getOrDefault(block, List.of())) {
        BitSet out = (BitSet) in.clone();
        out.andNot(transfer.killed);
        out.or(transfer.generated);
        BitSet target = entry.computeIfAbsent(transfer.to, k -> new BitSet());
        int before = target.cardinality();
        target.or(out);
        if (target.cardinality() != before) {
          work.add(transfer.to);
        }
      }
    }
    return entry;
  }
}
