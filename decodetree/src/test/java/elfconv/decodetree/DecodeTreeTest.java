package elfconv.decodetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecodeTreeTest {
  private static DecodeTree table(String text) {
    return new DecodeTree().parse(text, "t.decode").check();
  }

  @Test
  void fixedBitsFieldsAndIgnoredBitsBecomeMaskValueAndFields() {
    DecodeTree t = table("""
        &Branch imm26
        class BranchImmediate
        BL  1 00101 imm26:s26  &Branch
        &Mul sf rd rn rm
        class Multiply
        SMULH  1 00 11011 010 rm:5 - ----- rn:5 rd:5  &Mul sf=1
        """);
    DecodeTree.Line bl = t.lines().get(0);
    assertEquals(0xfc000000, bl.mask());
    assertEquals(0x94000000, bl.value());
    assertEquals(new DecodeTree.Field("imm26", 0, 26, true, false), bl.fields().get(0));
    DecodeTree.Line smulh = t.lines().get(1);
    assertEquals(0xffe00000, smulh.mask(), "Ra and o0 are ignored");
    assertEquals(1, smulh.constants().get("sf"));
  }

  @Test
  void overlappingLinesAreRejected() {
    String text = """
        class Hint
        A  0010001 rest:25
        B  001 rest:29
        """;
    DecodeTableException e = assertThrows(DecodeTableException.class, () -> table(text));
    assertEquals("t.decode:2: A has fields but no &Template", e.getMessage());
    String overlapping = """
        &R rest
        class Hint
        A  0010001 rest:25 &R
        B  001 rest:29 &R
        """;
    e = assertThrows(DecodeTableException.class, () -> table(overlapping));
    assertEquals("t.decode:4: B overlaps A (t.decode:3)", e.getMessage());
  }

  @Test
  void aNonzeroFieldLeavesItsZeroToAnotherLine() {
    table("""
        &Shift immh rest
        &Imm rest
        class Simd
        SHIFT  0 immh:4!=0 rest:27 &Shift
        MOVI   0 0000 rest:27 &Imm
        """);
  }

  @Test
  void linesMustCoverThirtyTwoBits() {
    DecodeTableException e = assertThrows(DecodeTableException.class, () -> table("class Hint\nA  0101 rest:20\n"));
    assertEquals("t.decode:2: A's bits add up to 24, not 32", e.getMessage());
  }

  @Test
  void aLineMustGiveExactlyItsTemplatesFields() {
    DecodeTableException e = assertThrows(DecodeTableException.class, () -> table("""
        &Pair rd rn
        class Alu
        A  0101 rd:5 rnn:5 rest:18 &Pair
        """));
    assertTrue(e.getMessage().startsWith("t.decode:3: A gives [rd, rnn, rest] but &Pair (t.decode:1) has [rd, rn]"),
        e.getMessage());
  }

  @Test
  void theGeneratedDispatchCallsOneMethodPerInstruction() {
    DecodeTree t = table("""
        &Branch imm26
        class BranchImmediate
        B   0 00101 imm26:s26  &Branch
        BL  1 00101 imm26:s26  &Branch
        class Hint
        NOP  11010101000000110010000000011111
        """);
    String dispatch = new JavaGenerator(t).sources().get("elfconv/semantics/Dispatch.java");
    assertTrue(dispatch.contains("case BL -> BranchImmediate.BL((Args.Branch) insn.args(), e);"), dispatch);
    assertTrue(dispatch.contains("case NOP -> Hint.NOP(e);"), dispatch);
    String patterns = new JavaGenerator(t).sources().get("elfconv/a64/Patterns.java");
    assertTrue(patterns.contains("w -> new Args.Branch(s(w, 0, 26))"), patterns);
  }
}
