package elfconv.lift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import elfconv.a64.Insn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProgramLifterTest {
  /** A function of {@code size} instructions (only their count matters to the split). */
  private static GuestFunction function(long entry, int size) {
    TreeMap<Long, List<Insn>> blocks = new TreeMap<>();
    blocks.put(entry, Collections.nCopies(size, null));
    return new GuestFunction(entry, blocks, new TreeSet<>(), Set.of(), Set.of());
  }

  @Test
  void partitionsKeepAddressOrderAndBalanceInstructions() {
    List<GuestFunction> functions = new ArrayList<>();
    int[] sizes = {10, 300, 20, 20, 250, 5, 40, 355};
    for (int i = 0; i < sizes.length; i++) {
      functions.add(function(0x1000L * (i + 1), sizes[i]));
    }
    List<List<GuestFunction>> parts = ProgramLifter.split(functions, 2);
    assertEquals(2, parts.size());
    assertEquals(functions, parts.stream().flatMap(List::stream).toList());
    assertEquals(600, parts.get(0).stream().mapToInt(GuestFunction::instructionCount).sum());
  }

  @Test
  void noPartitionIsEmpty() {
    List<GuestFunction> one = List.of(function(0x1000, 3));
    assertEquals(List.of(one), ProgramLifter.split(one, 4));
  }
}
