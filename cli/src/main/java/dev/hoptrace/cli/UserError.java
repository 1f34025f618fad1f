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

  /** A wrong command line (exit 2); the program adds where to read the usage. */
  static UserError usage(String message) {
    return new UserError(ExitCode.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
