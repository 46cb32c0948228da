package elfconv.lift;

import elfconv.a64.Insn;
import elfconv.a64.LlvmDisassembler;
import elfconv.a64.Op;
import elfconv.elf.ElfImage;
import elfconv.elf.Symbol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Instructions a disassembler knows that QEMU's cortex-a72 refuses at EL0 (privileged system registers and
 * operations, later architecture versions): translated, like unallocated words, to the SIGILL they raise when
 * reached, and named in one warning, since a program that reaches one stops there.
 */
public final class IllegalInstructions {
  private IllegalInstructions() {}

  /** The warning about the program's reachable refused instructions: the first in full, then counts by mnemonic. */
  public static Optional<String> warning(ElfImage image, List<GuestFunction> functions) {
    Map<Long, String> refused = new TreeMap<>();
    Map<Long, Long> functionOf = new TreeMap<>();
    for (GuestFunction f : functions) {
      for (List<Insn> block : f.blocks().values()) {
        for (Insn insn : block) {
          String text = insn.op() == Op.UNALLOCATED ? LlvmDisassembler.disassemble(insn.address(), insn.word()) : null;
          if (text != null && refused.putIfAbsent(insn.address(), text) == null) {
            functionOf.put(insn.address(), f.entry());
          }
        }
      }
    }
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> byMnemonic = new TreeMap<>();
    refused.values().forEach(text -> byMnemonic.merge(text.split(" ")[0], 1, Integer::sum));
    StringBuilder counts = new StringBuilder();
    byMnemonic.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(m -> counts.append(counts.length() == 0 ? "" : ", ").append(m.getValue()).append(' ')
            .append(m.getKey()));
    long first = refused.keySet().iterator().next();
    return Optional.of(String.format("%d instruction%s that QEMU's cortex-a72 refuses at EL0 raise%s SIGILL when "
            + "reached, as under QEMU: first at 0x%x: word 0x%08x (LLVM: %s) in function %s; by mnemonic: %s",
        refused.size(), refused.size() == 1 ? "" : "s", refused.size() == 1 ? "s" : "", first, image.word(first),
        refused.get(first), name(image, functionOf.get(first)), counts));
  }

  private static String name(ElfImage image, long entry) {
    return image.symbols().stream().filter(s -> s.isFunction() && s.value() == entry).map(Symbol::name)
        .findFirst().orElse("at 0x" + Long.toHexString(entry));
  }
}
