package elfconv.a64;

import java.util.List;

/** One line of the decode table: fixed bits, named fields, and the family that handles it. */
public record Pattern(String name, int mask, int value, List<Field> fields, String family, int line) {
  /**
   * Not a table line: the pattern of a word no encoding claims, which a cortex-a72 executes by raising SIGILL.
   * Discovery gives it to reachable words that LLVM does not decode either.
   */
  public static final Pattern UNALLOCATED = new Pattern("UNALLOCATED", 0, 0, List.of(), "Trap", 0);

  /**
   * A named bit field: {@code width} bits whose lowest bit is {@code shift}. A {@code nonzero} field ({@code
   * name:width!=0} in the table) leaves its all-zero value to another pattern, as immh = 0000 of the shifts by
   * immediate belongs to the modified immediates.
   */
  public record Field(String name, int shift, int width, boolean nonzero) {
    public int extract(int word) {
      return (int) ((Integer.toUnsignedLong(word) >>> shift) & ((1L << width) - 1));
    }

    public int mask() {
      return (int) (((1L << width) - 1) << shift);
    }
  }

  public boolean matches(int word) {
    if ((word & mask) != value) {
      return false;
    }
    for (Field f : fields) {
      if (f.nonzero() && f.extract(word) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether some word matches both patterns. */
  boolean overlaps(Pattern other) {
    int common = mask & other.mask;
    return (value & common) == (other.value & common) && !excludedBy(other) && !other.excludedBy(this);
  }

  /** Whether one of this pattern's nonzero fields is all zero in every word of {@code other}. */
  private boolean excludedBy(Pattern other) {
    return fields.stream().anyMatch(f -> f.nonzero() && (other.mask & f.mask()) == f.mask()
        && (other.value & f.mask()) == 0);
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
