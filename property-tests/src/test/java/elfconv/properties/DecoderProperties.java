package elfconv.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.a64.A64Decoder;
import elfconv.a64.DecodeTable;
import elfconv.a64.LlvmDisassembler;
import elfconv.a64.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our decoder against LLVM's A64 disassembler (cortex-a72), on random words from every line of the decode table:
 * its fixed bits, its fields and ignored bits filled at random. Where we decode a word, LLVM must too (with the
 * bits the instruction ignores, which LLVM insists on, as should-be-zero or should-be-one); lines that a family
 * object still tells apart must also print exactly like LLVM.
 */
class DecoderProperties {
  private final A64Decoder decoder = A64Decoder.standard();

  @Provide
  Arbitrary<Integer> patternWords() {
    Arbitrary<Pattern> patterns = Arbitraries.of(DecodeTable.patterns());
    Arbitrary<Integer> bits = Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
    return Combinators.combine(patterns, bits).as((p, random) -> p.value() | (random & ~p.mask()));
  }

  @Property(tries = 5000)
  void everyWordWeDecodeIsAnInstructionForLlvm(@ForAll("patternWords") int word) {
    decoder.decode(0x400000, word).ifPresent(insn -> {
      int ignored = ~insn.pattern().mask();
      for (Pattern.Field f : insn.pattern().fields()) {
        ignored &= ~f.mask();
      }
      boolean llvm = LlvmDisassembler.disassemble(0x400000, word) != null
          || LlvmDisassembler.disassemble(0x400000, word & ~ignored) != null
          || LlvmDisassembler.disassemble(0x400000, word | ignored) != null;
      assertTrue(llvm, String.format("we decode 0x%08x as %s, LLVM does not", word, insn.op()));
    });
  }

  /**
   * The other direction: a word of a pattern's space that LLVM decodes, we decode too, except in the system
   * register and system operation spaces, where elfconv claims only what user code may use. LLVM also prints
   * unallocated words of the system space as generic registers (S0_3_C3_C0_0): those are no claim.
   */
  @Property(tries = 20000)
  void everyInstructionOfAClaimedPatternDecodes(@ForAll("patternWords") int word) {
    boolean partial = DecodeTable.patterns().stream()
        .anyMatch(p -> p.matches(word) && (p.name().equals("SYS_REG") || p.name().equals("SYS")));
    String llvm = LlvmDisassembler.disassemble(0x400000, word);
    if (!partial && llvm != null && !llvm.matches(".*\\bS[0-3]_[0-7]_C\\d+_C\\d+_[0-7]\\b.*")) {
      assertNotNull(decoder.disassemble(0x400000, word),
          String.format("LLVM decodes 0x%08x as '%s', we do not", word, llvm));
    }
  }

  @Property(tries = 20000)
  void familyDisassemblyReadsLikeLlvms(@ForAll("patternWords") int word) {
    decoder.decode(0x400000, word).filter(insn -> insn.op().legacy()).ifPresent(insn -> assertEquals(
        LlvmDisassembler.disassemble(0x400000, word), A64Decoder.family(insn).disassemble(insn),
        String.format("word 0x%08x", word)));
  }

  /** System registers and operations are sparse among random words: check every encoding of them instead. */
  @Example
  void everySystemRegisterAndOperationWeDecodeReadsLikeLlvm() {
    for (Pattern p : DecodeTable.patterns()) {
      if (!p.name().equals("SYS_REG") && !p.name().equals("SYS")) {
        continue;
      }
      for (int bits = 0; bits < 1 << 17; bits++) {
        int word = p.value() | ((bits << 5) & ~p.mask()); // every field but Rt (x0)
        decoder.decode(0x400000, word).ifPresent(insn -> assertEquals(LlvmDisassembler.disassemble(0x400000, word),
            A64Decoder.family(insn).disassemble(insn), String.format("word 0x%08x", insn.word())));
      }
    }
  }
}
