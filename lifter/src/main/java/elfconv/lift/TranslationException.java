package elfconv.lift;

/** The input cannot be translated; the message says where (address, encoding) and what to do. */
public final class TranslationException extends RuntimeException {
  public TranslationException(String message) {
    super(message);
  }
}
