package elfconv.a64;

/** A decoded instruction: its address, its word, and the decode-table line it matched. */
public record Insn(long address, int word, Pattern pattern) {
  public Op op() {
    return pattern.op();
  }

  /** The instruction's fields as its template's record ({@link Args}); null for a line without fields. */
  public Record args() {
    return pattern.args() == null ? null : pattern.args().apply(word);
  }
}
