package dev.hoptrace.core.net;

/** Receives decoded replies from a session, on the engine thread. */
@FunctionalInterface
public interface ReplySink {
  void accept(Reply reply);

  /** A packet arrived that could not be decoded or did not belong to this trace. */
  default void dropped(String why) {}
}
