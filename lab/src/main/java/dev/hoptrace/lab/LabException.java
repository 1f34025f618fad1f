package dev.hoptrace.lab;

/** A lab could not be built, changed or queried; the message names the command that failed. */
public final class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LabException(String message) {
    super(message);
  }

  public LabException(String message, Throwable cause) {
    super(message, cause);
  }
}
