package elfconv.lift;

import elfconv.a64.Insn;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;

/**
 * A guest function as discovered: its instructions grouped into basic blocks.
 *
 * @param blocks block start address to the block's instructions
 * @param resumePoints addresses control may re-enter the function at from outside its own branches: the return
 *     addresses of its calls (its indirect jumps reach only {@code indirectTargets}, inside it)
 * @param landingPads where the unwinder resumes the function when something its calls call throws
 */
public record GuestFunction(long entry, NavigableMap<Long, List<Insn>> blocks, NavigableSet<Long> resumePoints,
    Set<Long> indirectTargets, Set<Long> landingPads) {

  public String symbol() {
    return symbol(entry);
  }

  /** The name of the translated function of the guest function at {@code entry}. */
  public static String symbol(long entry) {
    return "fn_" + Long.toHexString(entry);
  }

  public int instructionCount() {
    return blocks.values().stream().mapToInt(List::size).sum();
  }
}
