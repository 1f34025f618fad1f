package dev.hoptrace.cli.live;

import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveSnapshot;

/**
 * One traced target as the live view sees it: the newest snapshot its engine published, and the
 * controls that steer that engine. The view polls {@link #latest()}; it never touches engine state.
 */
public interface LiveTarget {

  /** The host as the user typed it. */
  String label();

  /** The newest snapshot; never null (the engine publishes one before its first probe). */
  LiveSnapshot latest();

  LiveControl control();

  /** Whether the engine ended with an error it could not carry on from, and its message. */
  default java.util.Optional<String> failure() {
    return java.util.Optional.empty();
  }
}
