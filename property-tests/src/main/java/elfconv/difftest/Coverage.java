package elfconv.difftest;

import elfconv.a64.A64Decoder;
import elfconv.a64.DecodeTable;
import elfconv.a64.Op;
import elfconv.a64.Pattern;
import elfconv.report.PatternCoverage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The coverage table of a differential run: per instruction of the decode table, how many cases used it and failed. */
public final class Coverage {
  private Coverage() {}

  /** Two tables of the same patterns, added up (several batches of one run). */
  public static List<PatternCoverage> add(List<PatternCoverage> a, List<PatternCoverage> b) {
    if (a.isEmpty()) {
      return b;
    }
    List<PatternCoverage> sum = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      PatternCoverage x = a.get(i);
      sum.add(new PatternCoverage(x.pattern(), x.family(), x.status(), x.cases() + b.get(i).cases(),
          x.failures() + b.get(i).failures()));
    }
    return sum;
  }

  public static List<PatternCoverage> of(List<InstructionCase> cases, List<Divergence> divergences) {
    Set<Integer> failed = new HashSet<>();
    divergences.forEach(d -> failed.add(d.caseIndex()));
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Set<String> used = new HashSet<>();
      for (int word : cases.get(i).words()) {
        A64Decoder.standard().decode(0, word).ifPresent(insn -> used.add(insn.pattern().name()));
      }
      for (String pattern : used) {
        int[] c = counts.computeIfAbsent(pattern, p -> new int[2]);
        c[0]++;
        c[1] += failed.contains(i) ? 1 : 0;
      }
    }
    Set<String> tested = new HashSet<>();
    CaseGenerators.testedPatterns().forEach(p -> tested.add(p.name()));
    List<PatternCoverage> table = new ArrayList<>();
    Set<Op> listed = EnumSet.noneOf(Op.class);
    for (Pattern p : DecodeTable.patterns()) {
      if (!listed.add(p.op())) {
        continue;
      }
      int[] c = counts.getOrDefault(p.name(), new int[2]);
      String status = tested.contains(p.name()) ? "lifted; random cases against QEMU"
          : "lifted; whole corpus programs against QEMU (leaves a test case)";
      table.add(new PatternCoverage(p.name(), p.family(), status, c[0], c[1]));
    }
    return table;
  }
}
