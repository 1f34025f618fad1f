package dev.hoptrace.core.net;

/** Receives decoded replies from a session, on the engine thread. */
public interface ReplySink {
  void accept(Reply reply);

  /** A packet arrived for this session that could not be decoded (truncated, lying lengths, ...). */
  default void malformed(String why) {}

  /**
   * A well-formed packet arrived that is not an answer to any probe of this session (another
   * trace's reply that slipped past the filter, a forged or stray message).
   */
  default void foreign(String why) {}
}
