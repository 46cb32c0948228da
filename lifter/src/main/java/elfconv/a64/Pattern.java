package elfconv.a64;

import java.util.List;

/** One line of the decode table: fixed bits, named fields, and the family that handles it. */
public record Pattern(String name, int mask, int value, List<Field> fields, String family, int line) {
  /**
   * Not a table line: the pattern of a word no encoding claims, which a cortex-a72 executes by raising SIGILL.
   * Discovery gives it to reachable words that LLVM does not decode either.
   */
  public static final Pattern UNALLOCATED = new Pattern("UNALLOCATED", 0, 0, List.of(), "Trap", 0);

  /** A named bit field: {@code width} bits whose lowest bit is {@code shift}. */
  public record Field(String name, int shift, int width) {
    public int extract(int word) {
      return (int) ((Integer.toUnsignedLong(word) >>> shift) & ((1L << width) - 1));
    }
  }

  public boolean matches(int word) {
    return (word & mask) == value;
  }

  public Field field(String fieldName) {
    for (Field f : fields) {
      if (f.name().equals(fieldName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("pattern " + name + " has no field " + fieldName);
  }
}
