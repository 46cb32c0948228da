package elfconv.a64;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes A64 words with the decode table. A word is an instruction when a line's fixed bits match it and the
 * line's constraint holds; an encoding no line claims is empty (the CPU raises SIGILL for it).
 */
public final class A64Decoder {
  private static final A64Decoder STANDARD = new A64Decoder(DecodeTable.patterns());

  /** The lines that can match a word, by its bits 28..25 (the A64 top-level op0). */
  @SuppressWarnings("unchecked")
  private final List<Pattern>[] byGroup = new List[16];

  private A64Decoder(List<Pattern> patterns) {
    for (int group = 0; group < 16; group++) {
      byGroup[group] = new ArrayList<>();
      for (Pattern p : patterns) {
        int common = p.mask() & 0x1e000000;
        if ((p.value() & common) == ((group << 25) & common)) {
          byGroup[group].add(p);
        }
      }
    }
  }

  public static A64Decoder standard() {
    return STANDARD;
  }

  public Optional<Insn> decode(long address, int word) {
    for (Pattern p : byGroup[(word >>> 25) & 15]) {
      if (p.matches(word)) {
        Insn insn = new Insn(address, word, p);
        return allocated(insn) ? Optional.of(insn) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean allocated(Insn insn) {
    Pattern p = insn.pattern();
    return p.check() == null || p.check().test(insn.args());
  }

  /**
   * The text of a word we decode, or null: LLVM's disassembly, or for a word LLVM does not decode (an encoding with
   * bits the architecture marks should-be-one or should-be-zero, which the CPU ignores) our instruction's name.
   */
  public String disassemble(long address, int word) {
    return decode(address, word).map(i -> {
      String llvm = LlvmDisassembler.disassemble(address, word);
      return llvm != null ? llvm : String.format("%s (.inst 0x%08x)", i.op().name(), word);
    }).orElse(null);
  }
}
