package elfconv.decodetree;

/** A malformed or inconsistent decode table; the message names the file and line. */
public final class DecodeTableException extends RuntimeException {
  public DecodeTableException(String message) {
    super(message);
  }
}
