package elfconv.a64;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One line of the decode table ({@code lifter/src/main/decode}): its instruction, fixed bits, fields, where it is
 * written, how a word's fields become the instruction's argument record, and the constraint that leaves some of
 * its words unallocated (null: none).
 */
public record Pattern(Op op, int mask, int value, List<Field> fields, String where, IntFunction<Record> args,
    Predicate<Record> check) {
  /**
   * Not a table line: the pattern of a word no encoding claims, which a cortex-a72 executes by raising SIGILL.
   * Discovery gives it to reachable words that LLVM does not decode either.
   */
  public static final Pattern UNALLOCATED = new Pattern(Op.UNALLOCATED, 0, 0, List.of(), "", w -> null, null);

  /**
   * A named bit field: {@code width} bits whose lowest bit is {@code shift}, sign-extended when {@code signed}. A
   * {@code nonzero} field ({@code name:width!=0} in the table) leaves its all-zero value to another line, as immh =
   * 0000 of the shifts by immediate belongs to the modified immediates.
   */
  public record Field(String name, int shift, int width, boolean signed, boolean nonzero) {
    /** The field's bits, zero-extended. */
    public int extract(int word) {
      return (int) ((Integer.toUnsignedLong(word) >>> shift) & ((1L << width) - 1));
    }

    public int mask() {
      return (int) (((1L << width) - 1) << shift);
    }
  }

  public String name() {
    return op.name();
  }

  /** The class of {@code elfconv.semantics} that lifts the instruction. */
  public String family() {
    return op.semantics();
  }

  /** Whether the word has this line's fixed bits (allocated or not: see {@link A64Decoder}). */
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

  public Field field(String fieldName) {
    for (Field f : fields) {
      if (f.name().equals(fieldName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("pattern " + name() + " has no field " + fieldName);
  }
}
