package elfconv.toolchain;

/** A bundled tool is missing, does not start, or rejected its input. */
public final class ToolchainException extends RuntimeException {
  public ToolchainException(String message) {
    super(message);
  }
}
