package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells per-packet from per-flow balancing at a TTL: a few flows already answered there are sent
 * once more, and one that comes back from another interface means packets, not flows, are spread.
 *
 * <p>Only flows through vertices with two or more next hops are rechecked: elsewhere nothing can
 * change. With two next hops spread per packet, a recheck comes back the same with probability
 * 1/2, so ⌈log2(1/α)⌉ rechecks miss such a balancer with probability at most α (5 at 95 %, 7 at
 * 99 %); the rechecks are spread over the branching vertices in turn.
 *
 * <p>The check runs only where its answer changes the graph: when a hop is meshed (flows cross
 * between branches), which is what flows placed at random by a per-packet balancer one hop before
 * look like. Where the branches of a per-packet balancer meet again at the next hop, its edges are
 * the same either way and the check is not paid for.
 */
final class PerPacketCheck {
  private final TraceState state;
  private final int rechecks;
  private final Set<Integer> checked = new HashSet<>();

  PerPacketCheck(TraceState state, StoppingRule rule) {
    this.state = state;
    this.rechecks = (int) Math.ceil(Math.log(rule.alpha()) / Math.log(0.5));
  }

  /**
   * After {@code ttl} was found meshed: checks the hop before, then (when that spreads flows, not
   * packets) this one, each once per trace. True when either turned out to balance per packet, so
   * that {@code ttl} is to be explored again with the flows there merged. A per-packet hop before
   * explains the meshing; probes at this TTL would then vary too, by its doing alone.
   */
  boolean afterMeshing(int ttl) throws NetworkException {
    for (int at : new int[] {ttl - 1, ttl}) {
      if (state.probed(at) && checked.add(at) && !state.hop(at).perPacket()) {
        run(at);
        if (state.hop(at).perPacket()) {
          return true;
        }
      }
    }
    return false;
  }

  private void run(int ttl) throws NetworkException {
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
