package dev.hoptrace.core.live;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.engine.RoundEngine;
import dev.hoptrace.core.net.Network;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeSession;
import java.util.Objects;

/**
 * Runs continuous traces (mtr's model): rounds of one sweep over the path's TTLs, statistics per
 * hop, a diagnosis after each round. One run per target; several targets run on several threads,
 * each with its own session and so its own trace identity.
 */
public final class LiveTracer {
  private final Network network;

  public LiveTracer(Network network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * Runs on the calling thread until the policy's rounds are done or {@code control} stops it.
   * Transient failures (a send refused because a route is gone, a receive error) are shown in the
   * snapshots and the run carries on.
   *
   * <p>With path MTU discovery ({@link TraceRequest#discoverMtu()}) a one-shot trace with
   * {@code --mtu}, from {@link TraceRequest#DEFAULT_MTU_START} bytes, runs first; its {@link
   * PathMtu} rides on every snapshot. The MTU is found once: rounds then probe at the request's
   * {@code packetLength} without Don't Fragment, so their statistics mean what they mean without
   * {@code --mtu}, and re-learning the drop every round would cost a resend per drop per round.
   *
   * @return the final snapshot
   * @throws NetworkException when the sockets cannot be opened at all
   */
  public LiveSnapshot run(TraceRequest request, RoundPolicy policy, LiveListener listener,
      LiveControl control) throws NetworkException {
    if (!request.discoverMtu()) {
      return rounds(request, policy, listener, control);
    }
    PathMtu found = discover(request);
    LiveSnapshot last = rounds(roundsRequest(request), policy,
        snapshot -> listener.updated(snapshot.withPathMtu(found)), control);
    return last.withPathMtu(found);
  }

  /** The request the rounds of {@code request} send: one size, no Don't Fragment. */
  public static TraceRequest roundsRequest(TraceRequest request) {
    return request.discoverMtu() ? request.withMtuDiscovery(false, request.packetLength())
        : request;
  }

  private PathMtu discover(TraceRequest request) throws NetworkException {
    TraceResult result = new Tracer(network)
        .trace(request.withMtuDiscovery(true, TraceRequest.DEFAULT_MTU_START));
    return result.pathMtu().orElseThrow(
        () -> new IllegalStateException("a trace with --mtu returned no path MTU"));
  }

  private LiveSnapshot rounds(TraceRequest request, RoundPolicy policy, LiveListener listener,
      LiveControl control) throws NetworkException {
    try (ProbeSession session = network.open(request.sessionSpec())) {
      return new RoundEngine(request, policy, session, listener, control).run();
    }
  }
}
