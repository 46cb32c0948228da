package elfconv.oracle;

/** A process could not be started, or did not finish within its time limit and was killed. */
public final class ProcessException extends RuntimeException {
  public ProcessException(String message) {
    super(message);
  }
}
