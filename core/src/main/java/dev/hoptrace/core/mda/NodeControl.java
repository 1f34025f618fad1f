package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic MDA step for one TTL: every vertex one hop before gets its own stopping rule. A
 * vertex with k next hops seen needs n_k of its flows probed at this TTL; flows known to pass it
 * are used first, and when too few are known, new flows are sent to the hop before until enough
 * land on it (node control).
 */
final class NodeControl {
  /**
   * New flows per round at most. A vertex that few flows reach would otherwise ask for hundreds at
   * once on a poor estimate of its share; several rounds refine the estimate instead.
   */
  private static final int MAX_NEW_FLOWS = 128;

  /**
   * Rounds of new flows in a row that may miss a vertex before it is given up. Each round aims at
   * one hit or more, so three empty ones mean the vertex is out of reach (a route change, or a
   * per-packet balancer the recheck missed) and further flows would only burn the budget.
   */
  private static final int BARREN_ROUNDS = 3;

  private final TraceState state;
  private final StoppingRule rule;

  NodeControl(TraceState state, StoppingRule rule) {
    this.state = state;
    this.rule = rule;
  }

  void explore(int ttl) throws NetworkException {
    state.scout(ttl);
    // Vertices that asked for new flows last round, with their size then; and empty rounds so far.
    Map<Vertex, Integer> waiting = new HashMap<>();
    Map<Vertex, Integer> barren = new HashMap<>();
    while (!state.outOfBudget()) {
      Collection<VertexFlows> vertices = state.groups(ttl).values();
      int located = vertices.stream().mapToInt(VertexFlows::size).sum();
      List<Integer> batch = new ArrayList<>();
      int wanted = 0;
      Map<Vertex, Integer> asking = new HashMap<>();
      for (VertexFlows vertex : vertices) {
        Integer before = waiting.get(vertex.vertex);
        if (before != null && before == vertex.size()) {
          barren.merge(vertex.vertex, 1, Integer::sum);
        } else if (before != null) {
          barren.remove(vertex.vertex);
        }
        int need = vertex.closed() ? 0 : rule.target(vertex.successors.size()) - vertex.probed.size();
        if (need <= 0 || barren.getOrDefault(vertex.vertex, 0) >= BARREN_ROUNDS) {
          continue;
        }
        int known = Math.min(need, vertex.unprobed.size());
        batch.addAll(vertex.unprobed.subList(0, known));
        int missing = need - known;
        if (missing > 0) {
          // New flows land on this vertex in proportion to its share of the flows seen so far;
          // the largest need decides, and the others get theirs from the same flows.
          int perHit = vertex.size() == 0 ? 1 : Math.ceilDiv(located, vertex.size());
          wanted = Math.max(wanted, missing * perHit);
          asking.put(vertex.vertex, vertex.size());
        }
      }
      if (batch.isEmpty() && wanted == 0) {
        // New flows may have found interfaces one hop before that the vertices there missed.
        state.linkOrphans(ttl - 1);
        return;
      }
      state.send(ttl, batch);
      if (wanted > 0) {
        state.locate(state.newFlows(Math.min(wanted, MAX_NEW_FLOWS)), ttl - 1);
      }
      waiting = asking;
    }
  }
}
