package elfconv.a64;

import elfconv.semantics.Families;
import elfconv.semantics.Family;
import java.util.Optional;

/** Decodes A64 words with the decode table; an encoding no pattern claims, or one its family rejects, is empty. */
public final class A64Decoder {
  private final DecodeTable table;

  public A64Decoder(DecodeTable table) {
    this.table = table;
  }

  public static A64Decoder standard() {
    return new A64Decoder(DecodeTable.standard());
  }

  public Optional<Insn> decode(long address, int word) {
    for (Pattern p : table.patterns()) {
      if (p.matches(word)) {
        Insn insn = new Insn(address, word, p);
        return family(insn).unallocated(insn) == null ? Optional.of(insn) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  public static Family family(Insn insn) {
    return Families.of(insn.pattern().family());
  }

  /** Our disassembly of a word, or null when we do not decode it. */
  public String disassemble(long address, int word) {
    return decode(address, word).map(i -> family(i).disassemble(i)).orElse(null);
  }
}
