package dev.hoptrace.core.net;

/**
 * The sockets of one trace. Used from the engine thread only.
 *
 * <p>A session keeps replies of other traces (other hoptrace processes, other sessions) away from
 * its sink: the kernel does so for unprivileged sockets, an in-kernel filter on the trace's
 * identity for raw ones.
 */
public interface ProbeSession extends AutoCloseable {

  /** What this session turned out to be. */
  SessionInfo info();

  /** Now on the session clock, in nanoseconds; the same clock as send and receive times. */
  long now();

  /**
   * Sends one probe.
   *
   * @throws NetworkException when the probe could not be sent (no route, permission); a stale
   *     asynchronous socket error is handled inside and never surfaces here
   */
  SentProbe send(OutgoingProbe probe) throws NetworkException;

  /**
   * Delivers the replies that are available, waiting until at least one arrived or the session
   * clock reached {@code deadline}, whichever comes first.
   */
  void receive(long deadline, ReplySink sink) throws NetworkException;

  /**
   * Probes this session can have in flight before replies risk being dropped by the kernel (a
   * receive buffer shared by every probe); the engine keeps its window within it.
   */
  default int windowLimit() {
    return Integer.MAX_VALUE;
  }

  /** The engine is done with this probe (answered or given up): free what it holds. */
  default void release(SentProbe probe) {}

  @Override
  void close();
}
