package dev.hoptrace.core.live;

import dev.hoptrace.core.TraceRequest;
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
   * @return the final snapshot
   * @throws NetworkException when the sockets cannot be opened at all
   * @throws IllegalArgumentException for a request with path MTU discovery, which rounds of one
   *     size do not do (a one-shot {@link dev.hoptrace.core.Tracer} does)
   */
  public LiveSnapshot run(TraceRequest request, RoundPolicy policy, LiveListener listener,
      LiveControl control) throws NetworkException {
    if (request.discoverMtu()) {
      throw new IllegalArgumentException("path MTU discovery (--mtu) runs in a one-shot trace"
          + " (Tracer), not in continuous rounds");
    }
    try (ProbeSession session = network.open(request.sessionSpec())) {
      return new RoundEngine(request, policy, session, listener, control).run();
    }
  }
}
