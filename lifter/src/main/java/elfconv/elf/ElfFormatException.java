package elfconv.elf;

/** The input is not a file elfconv can translate; the message names the file and what was found. */
public final class ElfFormatException extends RuntimeException {
  public ElfFormatException(String message) {
    super(message);
  }
}
