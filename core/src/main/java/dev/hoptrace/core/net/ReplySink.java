package dev.hoptrace.core.net;

/** Receives decoded replies from a session, on the engine thread. */
@FunctionalInterface
public interface ReplySink {
  void accept(Reply reply);

  /** A packet arrived for this session that could not be decoded (truncated, lying lengths, ...). */
  default void dropped(String why) {}
}
