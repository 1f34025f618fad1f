package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells per-packet from per-flow balancing at a TTL: a few flows already answered there are sent
 * once more, and one that comes back from another interface means packets, not flows, are spread.
 * Without it a per-packet balancer looks like a per-flow one with as many branches, and the flows
 * reused past it would land at random.
 *
 * <p>Only flows through vertices with two or more next hops are rechecked: elsewhere nothing can
 * change. With two next hops spread per packet, a recheck comes back the same with probability
 * 1/2, so ⌈log2(1/α)⌉ rechecks miss such a balancer with probability at most α (5 at 95 %, 7 at
 * 99 %); the rechecks are spread over the branching vertices in turn.
 */
final class PerPacketCheck {
  private final TraceState state;
  private final int rechecks;

  PerPacketCheck(TraceState state, StoppingRule rule) {
    this.state = state;
    this.rechecks = (int) Math.ceil(Math.log(rule.alpha()) / Math.log(0.5));
  }

  void run(int ttl) throws NetworkException {
    if (state.hop(ttl).interfaceCount() < 2) {
      return;
    }
    List<List<Integer>> pools = new ArrayList<>();
    for (VertexFlows vertex : state.groups(ttl).values()) {
      if (vertex.answeringSuccessors() >= 2) {
        pools.add(vertex.probed.stream()
            .filter(flow -> state.answer(flow, ttl) instanceof Answer.Router)
            .toList());
      }
    }
    state.send(ttl, RoundRobin.take(pools, rechecks));
  }
}
