package elfconv.a64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecodeTableTest {
  @Test
  void fieldsAndFixedBitsBecomeMaskValueAndFields() {
    DecodeTable table = DecodeTable.parse("B_IMM  op:1 00101 imm26:26  -> BranchImmediate\n", "test");
    Pattern p = table.patterns().get(0);
    assertEquals(0x7c000000, p.mask());
    assertEquals(0x14000000, p.value());
    assertEquals(26, p.field("imm26").width());
    assertEquals(31, p.field("op").shift());
    assertEquals(1, p.field("op").extract(0x94000001));
  }

  @Test
  void overlappingPatternsAreRejected() {
    String text = """
        A  sf:1 0010001 rest:24 -> Hint
        B  1 001 rest:28 -> Hint
        """;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DecodeTable.parse(text, "t.decode"));
    assertEquals("t.decode:2: pattern B overlaps A (line 1)", e.getMessage());
  }

  @Test
  void patternsMustCoverThirtyTwoBits() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DecodeTable.parse("A  0101 rest:20 -> Hint\n", "t.decode"));
    assertEquals("t.decode:1: fields add up to 24 bits, not 32", e.getMessage());
  }

  @Test
  void theStandardTableLoadsAndEveryFamilyExists() {
    for (Pattern p : DecodeTable.standard().patterns()) {
      elfconv.semantics.Families.of(p.family());
    }
  }
}
