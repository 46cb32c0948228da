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

  /** The unsigned value of a field of a line that a family object still decodes. */
  public int f(String field) {
    return pattern.field(field).extract(word);
  }

  /** The sign-extended value of a field of a line that a family object still decodes. */
  public long sf(String field) {
    Pattern.Field fld = pattern.field(field);
    long v = fld.extract(word);
    return (v << (64 - fld.width())) >> (64 - fld.width());
  }

  public boolean is64() {
    return f("sf") == 1;
  }
}
