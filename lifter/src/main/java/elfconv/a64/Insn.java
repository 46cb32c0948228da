package elfconv.a64;

/** A decoded instruction: its address, its word, and the pattern it matched. */
public record Insn(long address, int word, Pattern pattern) {

  /** The unsigned value of a field of the pattern. */
  public int f(String field) {
    return pattern.field(field).extract(word);
  }

  /** The sign-extended value of a field of the pattern. */
  public long sf(String field) {
    Pattern.Field fld = pattern.field(field);
    long v = fld.extract(word);
    return (v << (64 - fld.width())) >> (64 - fld.width());
  }

  public boolean is64() {
    return f("sf") == 1;
  }
}
