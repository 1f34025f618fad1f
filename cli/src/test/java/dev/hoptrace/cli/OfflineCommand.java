package dev.hoptrace.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The hoptrace command as a user runs it through a scenario in the simulator: output captured,
 * and any attempt to use the machine's own network fails the test.
 */
final class OfflineCommand {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs one command line; returns its exit code. Output accumulates until {@link #reset()}. */
  int run(String... args) {
    return new Hoptrace(() -> {
      throw new AssertionError("a scenario run must not touch the machine's network");
    }, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  void reset() {
    out.reset();
    err.reset();
  }
}
