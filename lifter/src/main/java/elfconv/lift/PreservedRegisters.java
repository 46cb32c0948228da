package elfconv.lift;

import elfconv.a64.Effects;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * The registers each function gives back unchanged when it returns normally (of X19-X29 and SP), so that its
 * callers keep them in host registers across the call instead of reloading them.
 *
 * <p>X19-X29: on every path to a return or a tail call, the register either was never written, or was stored to the
 * stack (an SP-based STR/STP: the prologue) before its first write and loaded back from the stack (an SP-based
 * LDR/LDP: the epilogue) after its last. A call counts as a write unless the callee preserves the register too.
 * SP: every path reaches a return or tail call with SP back where it was, following constant adjustments, pre- and
 * post-indexed writebacks and SP restored from X29. A tail call's target must preserve what is claimed. Recursion
 * is resolved as a greatest fixpoint: every function starts out preserving everything.
 *
 * <p>Code reached through a register (BLR, or BR out of the function: PLT stubs, function pointers) is unknown
 * here; it is taken to follow the AAPCS64, as the compiled code that calls it through a pointer already assumes.
 */
final class PreservedRegisters {
  static final int FIRST = 19;
  static final int LAST = 29;
  static final int SP = 31;
  private static final int FP = 29;
  /** What an indirect call may change: everything but X19-X29 and SP, which the AAPCS64 has callees preserve. */
  static final BitSet INDIRECT_CALL_CLOBBERS = (BitSet) RegisterFile.ALL.clone();

  static {
    INDIRECT_CALL_CLOBBERS.clear(FIRST, LAST + 1);
    INDIRECT_CALL_CLOBBERS.clear(SP);
  }

  /** Whether an instruction may write a register this analysis follows (what the lifting scan records). */
  static boolean followed(int register) {
    return register >= FIRST && register <= LAST || register == SP;
  }

  /** A register's history along a path, as a lattice: SAVED above ENTRY and DIRTY, both above BROKEN. */
  private enum State {
    /** Holds the value the function was called with; not saved. */
    ENTRY,
    /** Holds the value it was called with, which is also in the stack. */
    SAVED,
    /** Changed after it was saved. */
    DIRTY,
    /** Changed without a save: the value it was called with is lost. */
    BROKEN;

    State meet(State other) {
      if (this == other) {
        return this;
      }
      if (this == BROKEN || other == BROKEN || this == ENTRY && other == DIRTY || this == DIRTY && other == ENTRY) {
        return BROKEN;
      }
      return this == SAVED ? other : this; // SAVED meets ENTRY or DIRTY as that one
    }

    boolean intact() {
      return this == ENTRY || this == SAVED;
    }
  }

  /** SP and X29 as offsets from SP at entry; null where not known. */
  private record Frame(Long sp, Long fp) {
    Frame meet(Frame other) {
      return new Frame(Objects.equals(sp, other.sp) ? sp : null, Objects.equals(fp, other.fp) ? fp : null);
    }
  }

  private PreservedRegisters() {}

  /**
   * Per function entry, what it preserves: bits 19-29 for X19-X29, bit 31 for SP. A function is analysed again
   * only when a function it calls or tail-calls lost a register.
   */
  static Map<Long, BitSet> compute(List<GuestFunction> functions, Map<Long, RegisterUsage> usage) {
    Map<Long, BitSet> preserved = new HashMap<>();
    BitSet all = new BitSet();
    all.set(FIRST, LAST + 1);
    all.set(SP);
    for (GuestFunction f : functions) {
      preserved.put(f.entry(), (BitSet) all.clone());
    }
    Map<Long, List<GuestFunction>> callers = callers(functions, preserved);
    Deque<GuestFunction> work = new ArrayDeque<>(functions);
    Set<Long> queued = new HashSet<>(preserved.keySet());
    while (!work.isEmpty()) {
      GuestFunction f = work.poll();
      queued.remove(f.entry());
      Map<Long, BitSet> writes = usage.get(f.entry()).calleeSavedWrites();
      BitSet kept = preserved.get(f.entry());
      boolean changed = false;
      for (int r = kept.nextSetBit(0); r >= 0; r = kept.nextSetBit(r + 1)) {
        if (!(r == SP ? stackBalanced(f, writes, preserved) : keeps(f, r, writes, preserved))) {
          kept.clear(r);
          changed = true;
        }
      }
      if (changed) {
        for (GuestFunction caller : callers.getOrDefault(f.entry(), List.of())) {
          if (queued.add(caller.entry())) {
            work.add(caller);
          }
        }
      }
    }
    return preserved;
  }

  /** Per function entry, the functions whose analysis reads what it preserves: its callers and tail-callers. */
  private static Map<Long, List<GuestFunction>> callers(List<GuestFunction> functions, Map<Long, BitSet> entries) {
    Map<Long, List<GuestFunction>> callers = new HashMap<>();
    for (GuestFunction f : functions) {
      Set<Long> callees = new HashSet<>();
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          Flow flow = Flow.of(insn);
          boolean leaves = flow.kind() == Flow.Kind.CALL || (flow.kind() == Flow.Kind.BRANCH
              || flow.kind() == Flow.Kind.CONDITIONAL) && !f.blocks().containsKey(flow.target());
          if (leaves && entries.containsKey(flow.target())) {
            callees.add(flow.target());
          }
        }
        Insn last = block.get(block.size() - 1);
        if (!Flow.of(last).endsBlock() && !f.blocks().containsKey(last.address() + 4)) {
          callees.add(last.address() + 4); // falls into the next function
        }
      }
      callees.forEach(callee -> callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(f));
    }
    return callers;
  }

  private static boolean keeps(GuestFunction f, int r, Map<Long, BitSet> writes, Map<Long, BitSet> preserved) {
    return walk(f, State.ENTRY, State::meet, (state, insn) -> {
      Flow flow = Flow.of(insn);
      if (state == State.ENTRY && stackTransfer(insn, r, false)) {
        return State.SAVED;
      }
      BitSet written = writes.get(insn.address());
      boolean changes = written != null && written.get(r);
      if (changes && stackTransfer(insn, r, true)) {
        return state == State.ENTRY || state == State.BROKEN ? State.BROKEN : State.SAVED;
      }
      if (changes || flow.kind() == Flow.Kind.CALL && !preserves(preserved, flow.target(), r)) {
        return state == State.ENTRY || state == State.BROKEN ? State.BROKEN : State.DIRTY;
      }
      return state;
    }, (state, exit) -> state.intact() && (exit.kind() != Flow.Kind.BRANCH || preserves(preserved, exit.target(), r)));
  }

  private static boolean stackBalanced(GuestFunction f, Map<Long, BitSet> writes, Map<Long, BitSet> preserved) {
    return walk(f, new Frame(0L, null), Frame::meet, (frame, insn) -> {
      Flow flow = Flow.of(insn);
      if (flow.kind() == Flow.Kind.CALL) {
        return new Frame(preserves(preserved, flow.target(), SP) ? frame.sp : null,
            preserves(preserved, flow.target(), FP) ? frame.fp : null);
      }
      BitSet written = writes.get(insn.address());
      if (written == null) {
        return frame;
      }
      Effects.Increment increment = Effects.increment(insn);
      if (increment != null && (increment.rd() == SP || increment.rd() == FP)) {
        Long base = increment.rn() == SP ? frame.sp : increment.rn() == FP ? frame.fp : null;
        Long value = base == null ? null : base + increment.delta();
        return increment.rd() == SP ? new Frame(value, frame.fp) : new Frame(frame.sp, value);
      }
      Long writeback = written.get(SP) ? spWriteback(insn) : Long.valueOf(0);
      return new Frame(frame.sp == null || writeback == null ? null : frame.sp + writeback,
          written.get(FP) ? null : frame.fp);
    }, (frame, exit) -> frame.sp != null && frame.sp == 0
        && (exit.kind() != Flow.Kind.BRANCH || preserves(preserved, exit.target(), SP)));
  }

  private static boolean preserves(Map<Long, BitSet> preserved, long function, int r) {
    BitSet kept = preserved.get(function);
    return kept != null && kept.get(r);
  }

  /**
   * Walks {@code f}'s paths from its entry with a lattice value per block start; {@code exitOk} checks the value
   * where a path leaves: by a return or a jump through a register (Flow.RETURN), or into another function (a
   * Flow.branch to it). Paths that end in a call that never returns, or in a trap, need no check.
   */
  private static <T> boolean walk(GuestFunction f, T initial, BinaryOperator<T> meet,
      BiFunction<T, Insn, T> step, BiPredicate<T, Flow> exitOk) {
    Map<Long, T> onEntry = new HashMap<>();
    onEntry.put(f.entry(), initial);
    Deque<Long> work = new ArrayDeque<>(List.of(f.entry()));
    while (!work.isEmpty()) {
      long start = work.poll();
      T value = onEntry.get(start);
      List<Insn> insns = f.blocks().get(start);
      for (Insn insn : insns) {
        Flow flow = Flow.of(insn);
        value = step.apply(value, insn);
        switch (flow.kind()) {
          case RETURN -> {
            if (!exitOk.test(value, Flow.RETURN)) {
              return false;
            }
          }
          case JUMP_INDIRECT -> {
            if (f.indirectTargets().isEmpty() && !exitOk.test(value, Flow.RETURN)) {
              return false;
            }
            for (long target : f.indirectTargets()) {
              propagate(target, value, meet, onEntry, work);
            }
          }
          case BRANCH, CONDITIONAL -> {
            if (f.blocks().containsKey(flow.target())) {
              propagate(flow.target(), value, meet, onEntry, work);
            } else if (!exitOk.test(value, Flow.branch(flow.target()))) {
              return false;
            }
          }
          default -> { }
        }
      }
      Insn last = insns.get(insns.size() - 1);
      Flow.Kind kind = Flow.of(last).kind();
      long next = last.address() + 4;
      if (!Flow.of(last).endsBlock()) {
        if (f.blocks().containsKey(next)) {
          propagate(next, value, meet, onEntry, work);
        } else if (kind != Flow.Kind.CALL && kind != Flow.Kind.CALL_INDIRECT
            && !exitOk.test(value, Flow.branch(next))) {
          return false; // falls into the next function; a call not followed by code never returns
        }
      }
    }
    return true;
  }

  private static <T> void propagate(long block, T value, BinaryOperator<T> meet, Map<Long, T> onEntry,
      Deque<Long> work) {
    T before = onEntry.get(block);
    T after = before == null ? value : meet.apply(before, value);
    if (!after.equals(before)) {
      onEntry.put(block, after);
      work.add(block);
    }
  }

  /** Whether {@code insn} is an SP-based load ({@code load}) or store of Xr, 64-bit (LDR/LDP, STR/STP). */
  private static boolean stackTransfer(Insn insn, int r, boolean load) {
    Effects.Transfer t = Effects.stackTransfer(insn);
    return t != null && t.load() == load && !t.vector() && t.bytes() == 8 && t.transfers(r);
  }

  /** What a pre- or post-indexed SP-based load or store adds to SP; null for any other write of SP. */
  private static Long spWriteback(Insn insn) {
    Effects.Transfer t = Effects.stackTransfer(insn);
    return t == null ? null : t.writeback();
  }
}
