package elfconv.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elfconv.a64.A64Decoder;
import elfconv.a64.Args;
import elfconv.a64.DecodeTable;
import elfconv.a64.Insn;
import elfconv.a64.LlvmDisassembler;
import elfconv.a64.Op;
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
 * bits the instruction ignores, which LLVM insists on, as should-be-zero or should-be-one), and the other way.
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
      boolean llvm = overlappingRegisters(insn) || LlvmDisassembler.disassemble(0x400000, word) != null
          || LlvmDisassembler.disassemble(0x400000, word & ~ignored) != null
          || LlvmDisassembler.disassemble(0x400000, word | ignored) != null;
      assertTrue(llvm, String.format("we decode 0x%08x as %s, LLVM does not", word, insn.op()));
    });
  }

  /**
   * A transfer register that is also the written-back base, or a pair loaded into one register: constrained
   * unpredictable, which LLVM rejects and QEMU (so elfconv) executes.
   */
  private static boolean overlappingRegisters(Insn insn) {
    if (insn.args() instanceof Args.LdstImm a) {
      return a.rn() != 31 && a.rt() == a.rn() && insn.op() == Op.LDR_i;
    }
    if (insn.args() instanceof Args.LdstPair a) {
      boolean load = insn.op() == Op.LDP || insn.op() == Op.LDP_v;
      boolean general = insn.op() == Op.LDP || insn.op() == Op.STP;
      return load && a.rt() == a.rt2()
          || general && a.w() == 1 && a.rn() != 31 && (a.rn() == a.rt() || a.rn() == a.rt2());
    }
    return insn.args() instanceof Args.ExclPair a && a.rt() == a.rt2();
  }

  /**
   * The other direction: a word of a line's space that LLVM decodes, we decode too. (The system register and
   * system operation lines name one register or operation each, so their spaces hold nothing else.)
   */
  @Property(tries = 20000)
  void everyInstructionOfAClaimedPatternDecodes(@ForAll("patternWords") int word) {
    String llvm = LlvmDisassembler.disassemble(0x400000, word);
    if (llvm != null) {
      assertNotNull(decoder.disassemble(0x400000, word),
          String.format("LLVM decodes 0x%08x as '%s', we do not", word, llvm));
    }
  }

  /**
   * SMULH and UMULH ignore Ra (should-be-one 11111), as QEMU does and GNU objdump too; o0 = 1 is unallocated
   * (QEMU raises SIGILL).
   */
  @Example
  void multiplyHighIgnoresRa() {
    int smulh = 0x9b484088; // smulh x8, x4, x8 with Ra = 16
    Insn insn = decoder.decode(0x400000, smulh).orElseThrow();
    assertEquals(Op.SMULH, insn.op());
    assertEquals(new Args.MulHigh(8, 4, 8), insn.args());
    assertEquals(Op.UMULH, decoder.decode(0x400000, 0x9bc84088).orElseThrow().op());
    assertTrue(decoder.decode(0x400000, smulh | 1 << 15).isEmpty());
  }

  /**
   * The system register and operation space (MRS, MSR, SYS, SYSL: every op0 but 00, with Rt = x0): each encoding
   * we decode is one LLVM decodes by name (not as a generic S3_3_C15_C2_0), and one that user code may use: an
   * MRS or MSR of NZCV, FPCR, FPSR, an _EL0 register or MIDR_EL1 (which Linux emulates), or a DC or IC operation
   * by virtual address to the point of coherency or unification, or DC ZVA.
   */
  @Example
  void everySystemRegisterAndOperationWeDecodeIsOneUserCodeMayUse() {
    int decoded = 0;
    for (int bits = 0; bits < 1 << 17; bits++) {
      if ((bits >> 14 & 3) == 0) {
        continue; // op0 = 00: hints, barriers, PSTATE
      }
      int word = 0xd5000000 | bits << 5; // bit 21 L, 20:19 op0, 18:16 op1, 15:12 CRn, 11:8 CRm, 7:5 op2
      if (decoder.decode(0x400000, word).isEmpty()) {
        continue;
      }
      decoded++;
      String llvm = LlvmDisassembler.disassemble(0x400000, word);
      assertNotNull(llvm, String.format("we decode 0x%08x, LLVM does not", word));
      assertTrue(llvm.matches("(mrs\\s+x0, (NZCV|FPCR|FPSR|\\w+_EL0|MIDR_EL1)"
          + "|msr\\s+(NZCV|FPCR|FPSR|\\w+_EL0), x0"
          + "|(dc\\s+(zva|cvac|cvau|civac)|ic\\s+ivau), x0)"),
          String.format("we decode 0x%08x, which LLVM reads as '%s'", word, llvm));
    }
    assertTrue(decoded > 0);
  }
}
