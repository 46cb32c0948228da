package elfconv.a64;

import java.util.List;

/**
 * The decode table: every line of {@code lifter/src/main/decode/*.decode}, as the build generated it (the build
 * fails on a malformed line or on lines that overlap).
 */
public final class DecodeTable {
  private DecodeTable() {}

  public static List<Pattern> patterns() {
    return Patterns.ALL;
  }
}
