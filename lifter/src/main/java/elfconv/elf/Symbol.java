package elfconv.elf;

/** A symbol-table entry, with its value moved by the image's load bias when it names an address. */
public record Symbol(String name, long value, long size, int type, int sectionIndex) {
  public static final int STT_FUNC = 2;

  public boolean isFunction() {
    return type == STT_FUNC && sectionIndex != 0;
  }
}
