package dev.hoptrace.core;

import dev.hoptrace.core.net.SessionInfo;
import java.util.List;

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
 * @param probesSent how many probes went out
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
    SendFailures notSent) {

  public TraceResult {
    hops = List.copyOf(hops);
  }
}
