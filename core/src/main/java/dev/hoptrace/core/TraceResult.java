package dev.hoptrace.core;

import dev.hoptrace.core.net.SessionInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished trace.
 *
 * @param request what was asked
 * @param session how the probes were sent (mode, what it cannot see)
 * @param hops one entry per probed TTL from the first TTL to where the trace stopped
 * @param reached whether the destination itself answered
 * @param stopReason why the trace ended
 * @param dropped replies that were not tied to a probe
 * @param elapsedNanos from the first send to the end
 * @param probesSent how many probes went out (with {@code --mtu}, every resend at a smaller size too)
 * @param pathMtu what path MTU discovery found; empty unless the request asked for it
 * @param notSent probes the network refused to send once the trace was under way
 */
public record TraceResult(
    TraceRequest request,
    SessionInfo session,
    List<Hop> hops,
    boolean reached,
    StopReason stopReason,
    DropCounts dropped,
    long elapsedNanos,
    int probesSent,
    Optional<PathMtu> pathMtu,
    SendFailures notSent) {

  public TraceResult {
    hops = List.copyOf(hops);
    Objects.requireNonNull(pathMtu, "pathMtu");
    Objects.requireNonNull(notSent, "notSent");
  }

  /** A trace without path MTU discovery in which every probe could be sent. */
  public TraceResult(TraceRequest request, SessionInfo session, List<Hop> hops, boolean reached,
      StopReason stopReason, DropCounts dropped, long elapsedNanos, int probesSent) {
    this(request, session, hops, reached, stopReason, dropped, elapsedNanos, probesSent,
        Optional.empty(), SendFailures.NONE);
  }
}
