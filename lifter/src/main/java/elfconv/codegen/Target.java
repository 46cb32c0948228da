package elfconv.codegen;

/** An output format of the translator. */
public enum Target {
  X86_64("x86_64", "x86_64-unknown-linux-gnu"),
  WASM32("wasm32", "wasm32-unknown-wasi");

  public final String id;
  public final String triple;

  Target(String id, String triple) {
    this.id = id;
    this.triple = triple;
  }

  /** Parses "x86_64" or "wasm32" (as given on the command line). */
  public static Target parse(String id) {
    for (Target target : values()) {
      if (target.id.equals(id)) {
        return target;
      }
    }
    throw new IllegalArgumentException("unknown target '" + id + "': use x86_64 or wasm32");
  }
}
