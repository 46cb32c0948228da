package elfconv.lift;

import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The program's calls, built once after discovery, and the one solver the interprocedural analyses use. Each
 * function's edges leave it: direct calls (BL), tail calls (a branch to code outside its blocks), fall-throughs out
 * of its last block, and whether it reaches code only the runtime knows (an indirect call or jump, an address
 * with no translated function).
 */
final class CallGraph {
  enum Kind { CALL, TAIL_CALL, FALL_THROUGH }

  record Edge(Kind kind, long target) {}

  /** A function's edges, and whether it reaches unknown code. */
  record Node(GuestFunction function, List<Edge> edges, boolean unknown) {
    List<Long> targets(Kind kind) {
      return edges.stream().filter(e -> e.kind() == kind).map(Edge::target).toList();
    }
  }

  private final Map<Long, Node> nodes = new LinkedHashMap<>();
  private final Map<Long, Set<Long>> callers = new HashMap<>();

  CallGraph(List<GuestFunction> functions) {
    Set<Long> translated = new HashSet<>();
    functions.forEach(f -> translated.add(f.entry()));
    for (GuestFunction f : functions) {
      List<Edge> edges = new ArrayList<>();
      boolean unknown = false;
      for (List<Insn> insns : f.blocks().values()) {
        for (Insn insn : insns) {
          Flow flow = Flow.of(insn);
          switch (flow.kind()) {
            case CALL -> edges.add(new Edge(Kind.CALL, flow.target()));
            case BRANCH, CONDITIONAL -> {
              if (!f.blocks().containsKey(flow.target())) {
                edges.add(new Edge(Kind.TAIL_CALL, flow.target()));
              }
            }
            case CALL_INDIRECT, JUMP_INDIRECT -> unknown = true;
            default -> { }
          }
        }
        Insn last = insns.get(insns.size() - 1);
        Flow.Kind lastKind = Flow.of(last).kind();
        boolean fallsThrough = lastKind != Flow.Kind.BRANCH && lastKind != Flow.Kind.JUMP_INDIRECT
            && lastKind != Flow.Kind.RETURN && lastKind != Flow.Kind.STOP;
        if (fallsThrough && !f.blocks().containsKey(last.address() + 4)) {
          edges.add(new Edge(Kind.FALL_THROUGH, last.address() + 4));
        }
      }
      for (Edge edge : edges) {
        unknown |= !translated.contains(edge.target());
      }
      nodes.put(f.entry(), new Node(f, List.copyOf(edges), unknown));
    }
    for (Node node : nodes.values()) {
      for (Edge edge : node.edges()) {
        callers.computeIfAbsent(edge.target(), t -> new HashSet<>()).add(node.function().entry());
      }
    }
  }

  Iterable<Node> nodes() {
    return nodes.values();
  }

  Node node(long entry) {
    return nodes.get(entry);
  }

  boolean isFunction(long address) {
    return nodes.containsKey(address);
  }

  /**
   * The least fixpoint of {@code value(f) = transfer(f, values)} over every function, for a transfer that only
   * grows with the values of the functions f has edges to: each function starts at {@code initial} and is
   * evaluated again whenever one of its targets' values changes.
   */
  <T> Map<Long, T> solve(Function<Node, T> initial, BiFunction<Node, Map<Long, T>, T> transfer) {
    Map<Long, T> values = new HashMap<>();
    nodes.values().forEach(n -> values.put(n.function().entry(), initial.apply(n)));
    Deque<Long> work = new ArrayDeque<>(nodes.keySet());
    Set<Long> queued = new HashSet<>(nodes.keySet());
    while (!work.isEmpty()) {
      long entry = work.pop();
      queued.remove(entry);
      T next = transfer.apply(nodes.get(entry), values);
      if (!Objects.equals(next, values.get(entry))) {
        values.put(entry, next);
        for (long caller : callers.getOrDefault(entry, Set.of())) {
          if (queued.add(caller)) {
            work.push(caller);
          }
        }
      }
    }
    return values;
  }
}
