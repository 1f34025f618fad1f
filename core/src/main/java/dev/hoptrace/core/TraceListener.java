package dev.hoptrace.core;

import dev.hoptrace.core.net.SessionInfo;
import java.util.List;

/**
 * Observes a trace as it runs. Callbacks come on the engine thread: they must be quick and must not
 * throw; anything slow (DNS, terminal output) belongs on another thread. Events arrive in this
 * order: {@code started}, then any mix of {@code probeSent}/{@code probeAnswered}/{@code
 * probeTimedOut}, with {@code hopCompleted} strictly in TTL order, then {@code finished}.
 */
public interface TraceListener {

  /** Listens to nothing. */
  TraceListener NONE = new TraceListener() {};

  default void started(TraceRequest request, SessionInfo session) {}

  default void probeSent(int ttl, int index) {}

  /** A reply was tied to a probe (called before the hop is complete). */
  default void probeAnswered(ProbeResult result) {}

  default void probeTimedOut(int ttl, int index) {}

  /**
   * Path MTU discovery ({@code --mtu}) only: how long each probe of a hop was, and where the MTU
   * dropped; called just before {@link #hopCompleted} for the same TTL.
   */
  default void hopSizes(List<ProbeSize> sizes) {}

  /** Every probe of this hop has an outcome and every earlier hop was already reported. */
  default void hopCompleted(Hop hop) {}

  default void finished(TraceResult result) {}
}
