package elfconv.difftest;

import elfconv.a64.A64Decoder;
import elfconv.a64.Flow;
import elfconv.a64.Insn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns divergences into a report a person can act on: the first divergent case shrunk to the fewest instructions
 * that still diverge, as assembly, with its initial registers and what differed.
 */
public final class CaseShrinker {
  private CaseShrinker() {}

  /** The first divergence that names a case, shrunk; null when the whole batch failed instead. */
  public static Divergence shrinkFirst(DifferentialRunner runner, List<Divergence> divergences) {
    return divergences.stream().filter(d -> d.testCase() != null).findFirst().map(d -> shrink(runner, d))
        .orElse(null);
  }

  /** The report: how many divergences, and the minimal case as assembly with what differed. */
  public static String report(List<Divergence> divergences, Divergence minimal) {
    StringBuilder s = new StringBuilder(divergences.size() + " divergence(s) from QEMU");
    if (minimal == null) {
      divergences.forEach(d -> s.append("\n  ").append(d.target()).append(": ").append(d.differences()));
      return s.toString();
    }
    s.append("; the first, shrunk to ").append(minimal.testCase().words().length).append(" instruction(s), on ")
        .append(minimal.target()).append(":\n").append(describe(minimal.testCase()));
    minimal.differences().forEach(d -> s.append("\n  differs: ").append(d));
    return s.toString();
  }

  /** Tries each instruction alone, then ever longer prefixes; keeps the smallest case that still diverges. */
  static Divergence shrink(DifferentialRunner runner, Divergence divergence) {
    InstructionCase c = divergence.testCase();
    List<InstructionCase> candidates = new ArrayList<>();
    for (int w : c.words()) {
      candidates.add(c.withWords(new int[] {w}));
    }
    for (int length = 2; length < c.words().length; length++) {
      int[] prefix = Arrays.copyOf(c.words(), length);
      if (branchesStayInside(prefix)) {
        candidates.add(c.withWords(prefix));
      }
    }
    if (candidates.isEmpty()) {
      return divergence;
    }
    for (Divergence d : runner.run(candidates)) {
      if (d.target().equals(divergence.target()) && d.testCase() != null) {
        return d; // the runner reports in case order: the first is the smallest
      }
    }
    return divergence;
  }

  private static boolean branchesStayInside(int[] words) {
    A64Decoder decoder = A64Decoder.standard();
    for (int i = 0; i < words.length; i++) {
      Insn insn = decoder.decode(4L * i, words[i]).orElseThrow();
      Flow flow = Flow.of(insn);
      if ((flow.kind() == Flow.Kind.BRANCH || flow.kind() == Flow.Kind.CONDITIONAL) && flow.target() > 4L * words.length) {
        return false;
      }
    }
    return true;
  }

  /** The case as assembly and its initial state. */
  public static String describe(InstructionCase c) {
    StringBuilder s = new StringBuilder();
    A64Decoder decoder = A64Decoder.standard();
    for (int i = 0; i < c.words().length; i++) {
      s.append(String.format("  %08x  %s%n", c.words()[i], decoder.disassemble(4L * i, c.words()[i])));
    }
    s.append("  initial:");
    for (int r = 0; r < 31; r++) {
      Integer pointer = c.pointers().get(r);
      s.append(r % 4 == 0 ? "\n   " : "").append(String.format(" x%d=%s", r,
          pointer != null ? "scratch+" + pointer : String.format("0x%x", c.x()[r])));
    }
    s.append(String.format("%n    sp=scratch+%d nzcv=%x fpcr=%x scratch-seed=%d", c.pointers().get(CaseLayout.SP_INDEX),
        c.nzcv(), c.fpcr(), c.scratchSeed()));
    return s.toString();
  }
}
