package dev.hoptrace.cli;

import java.io.Serial;

/** A failure to report as one line on stderr with an exit code, never as a stack trace. */
final class UserError extends Exception {
  @Serial private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
