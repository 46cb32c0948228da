package elfconv.lift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which registers may hold a value the guest state does not have yet ("dirty") where each block of a function
 * starts. A write makes a register dirty; a call or system call writes back the dirty ones and reloads, after which
 * slots and state agree. Write-backs then store only dirty registers, so a call costs what was written since the
 * last one rather than everything the function writes.
 *
 * <p>The first lifting pass records every branch between the function's own blocks as it emits it, with what the
 * source block wrote before the branch; a fixpoint over those edges gives each block's entry set.
 */
final class DirtyRegisters {
  /**
   * A branch from block {@code from} to block {@code to}.
   *
   * @param written what {@code from} wrote before the branch (after its last synchronisation, if any)
   * @param synced whether {@code from} synchronised with the guest state before the branch (a call, a syscall)
   */
  private record Edge(long from, long to, BitSet written, boolean synced) {}

  private final List<Edge> edges = new ArrayList<>();

  void branch(long from, long to, BitSet written, boolean synced) {
    edges.add(new Edge(from, to, (BitSet) written.clone(), synced));
  }

  /** The registers that may be dirty at the start of each block; a block absent from the map starts clean. */
  Map<Long, BitSet> onEntry() {
    Map<Long, List<Edge>> outgoing = new HashMap<>();
    for (Edge edge : edges) {
      outgoing.computeIfAbsent(edge.from, k -> new ArrayList<>()).add(edge);
    }
    Map<Long, BitSet> entry = new HashMap<>();
    Deque<Long> work = new ArrayDeque<>(outgoing.keySet());
    while (!work.isEmpty()) {
      long block = work.poll();
      BitSet in = entry.getOrDefault(block, new BitSet());
      for (Edge edge : outgoing.getOrDefault(block, List.of())) {
        BitSet out = (BitSet) edge.written.clone();
        if (!edge.synced) {
          out.or(in);
        }
        BitSet target = entry.computeIfAbsent(edge.to, k -> new BitSet());
        int before = target.cardinality();
        target.or(out);
        if (target.cardinality() != before) {
          work.add(edge.to);
        }
      }
    }
    return entry;
  }
}
