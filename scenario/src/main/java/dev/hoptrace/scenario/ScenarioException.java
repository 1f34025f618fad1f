package dev.hoptrace.scenario;

import java.io.Serial;

/** A scenario file that cannot be used; the message names the file and the place in it. */
public final class ScenarioException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
