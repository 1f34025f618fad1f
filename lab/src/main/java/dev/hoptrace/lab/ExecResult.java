package dev.hoptrace.lab;

import java.time.Duration;
import java.util.List;

/**
 * What a finished (or killed) command left behind.
 *
 * @param command the command line as run
 * @param exitCode the exit status, or -1 when the command was killed at its timeout
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 * @param timedOut true when the command outlived its timeout and was killed
 * @param elapsed wall time from start to exit (or to the kill)
 */
public record ExecResult(
    List<String> command,
    int exitCode,
    String stdout,
    String stderr,
    boolean timedOut,
    Duration elapsed) {

  public ExecResult {
    command = List.copyOf(command);
  }

  /** True when the command exited by itself with status 0. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** This result when it succeeded; otherwise a {@link LabException} with the whole story. */
  public ExecResult orThrow() {
    if (!succeeded()) {
      throw new LabException(describe());
    }
    return this;
  }

  /** One paragraph for failure messages: command, outcome, and both output streams. */
  public String describe() {
    String outcome = timedOut ? "timed out after " + elapsed.toMillis() + " ms" : "exit " + exitCode;
    return String.join(" ", command) + " -> " + outcome
        + (stdout.isBlank() ? "" : "\n--- stdout ---\n" + stdout.strip())
        + (stderr.isBlank() ? "" : "\n--- stderr ---\n" + stderr.strip());
  }
}
