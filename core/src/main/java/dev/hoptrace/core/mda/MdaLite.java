package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MDA-Lite step for one TTL (after Vermeulen et al., IMC 2018). The hop is probed as a whole:
 * n_k flows for the k interfaces found at this TTL, reusing flows from the hop before and sending
 * new ones straight to this TTL, with no node control. That is enough when balancing is uniform
 * and hops are not meshed, so the step then checks: edges missing at either end are filled in
 * with a flow each, and where both hops are wide a meshing test traces a few flows per interface
 * back to the hop before. Cross edges (meshing) or vertices with different numbers of next hops
 * (width asymmetry) hand the hop to {@link NodeControl}, the full MDA.
 */
final class MdaLite {
  /**
   * Flows per interface whose predecessor must be known before meshing is ruled out. Two show a
   * second predecessor half the time; a meshed hop pair usually has several interfaces with two,
   * and the flows reused from the hop before add to these.
   */
  private static final int MESHING_FLOWS = 2;

  private final TraceState state;
  private final StoppingRule rule;
  private final NodeControl nodeControl;
  private final PerPacketCheck perPacket;

  MdaLite(TraceState state, StoppingRule rule, NodeControl nodeControl, PerPacketCheck perPacket) {
    this.state = state;
    this.rule = rule;
    this.nodeControl = nodeControl;
    this.perPacket = perPacket;
  }

  void explore(int ttl) throws NetworkException {
    state.scout(ttl);
    probeWholeHop(ttl);
    reconnect(ttl);
    if (meshedOrAsymmetric(ttl)) {
      // Flows crossing between branches may be a per-packet balancer's doing; once it is known,
      // the flows through it are merged and the hop is probed as a whole again.
      if (state.meshed(ttl) && perPacket.afterMeshing(ttl)) {
        probeWholeHop(ttl);
        reconnect(ttl);
      }
      if (meshedOrAsymmetric(ttl)) {
        nodeControl.explore(ttl);
      }
    }
  }

  private void probeWholeHop(int ttl) throws NetworkException {
    // Once a path ended before this TTL, new flows sent straight here may have ended too; they
    // are placed one hop before instead, and only those still on their way come here.
    boolean direct = !state.destinationBefore(ttl);
    while (!state.outOfBudget()) {
      // Vertices that delivered to the destination are done; the rule counts the other flows.
      Map<Vertex, VertexFlows> groups = state.groups(ttl);
      Set<Vertex> closed = new HashSet<>();
      List<List<Integer>> reusable = new ArrayList<>();
      for (VertexFlows vertex : groups.values()) {
        if (vertex.closed()) {
          closed.add(vertex.vertex);
        } else {
          reusable.add(vertex.unprobed);
        }
      }
      Set<Answer> seen = new HashSet<>();
      int probed = 0;
      for (int flow = 0; flow < state.flowCount(); flow++) {
        Answer answer = state.answer(flow, ttl);
        if (answer != null
            && !state.vertex(flow, ttl - 1).map(closed::contains).orElse(false)) {
          probed++;
          seen.add(answer);
        }
      }
      if (probed == 0 && !closed.isEmpty() && closed.size() == groups.size()) {
        return;
      }
      int need = rule.target(seen.size()) - probed;
      if (need <= 0) {
        return;
      }
      List<Integer> batch = new ArrayList<>(RoundRobin.take(reusable, need));
      int missing = need - batch.size();
      if (missing > 0 && direct) {
        batch.addAll(state.newFlows(missing));
      } else if (missing > 0) {
        state.locate(state.newFlows(missing), ttl - 1);
      }
      state.send(ttl, batch);
    }
  }

  /** Every interface here gets an edge from the hop before, every vertex there one to here. */
  private void reconnect(int ttl) throws NetworkException {
    state.linkOrphans(ttl);
    List<Integer> forward = new ArrayList<>();
    for (VertexFlows vertex : state.groups(ttl).values()) {
      if (vertex.probed.isEmpty() && !vertex.unprobed.isEmpty()) {
        forward.add(vertex.unprobed.getFirst());
      }
    }
    state.send(ttl, forward);
  }

  private boolean meshedOrAsymmetric(int ttl) throws NetworkException {
    if (state.hop(ttl).interfaceCount() < 2 || interfaceVertices(state.groups(ttl).values()) < 2) {
      return false;
    }
    // The meshing test: flows traced back from each interface here.
    Map<InetAddress, Integer> placed = new HashMap<>();
    for (VertexFlows vertex : state.groups(ttl).values()) {
      for (int flow : vertex.probed) {
        InetAddress at = TraceState.addressOf(state.answer(flow, ttl));
        if (at != null) {
          placed.merge(at, 1, Integer::sum);
        }
      }
    }
    List<Integer> back = new ArrayList<>();
    for (int flow = 0; flow < state.flowCount(); flow++) {
      InetAddress at = TraceState.addressOf(state.answer(flow, ttl));
      if (at != null && state.answer(flow, ttl - 1) == null
          && placed.getOrDefault(at, 0) < MESHING_FLOWS) {
        placed.merge(at, 1, Integer::sum);
        back.add(flow);
      }
    }
    state.locate(back, ttl - 1);

    Set<Long> outDegrees = new HashSet<>();
    for (VertexFlows vertex : state.groups(ttl).values()) {
      long out = vertex.answeringSuccessors();
      if (vertex.vertex.address().isPresent() && out > 0) {
        outDegrees.add(out);
      }
    }
    return state.meshed(ttl) || outDegrees.size() > 1;
  }

  private static long interfaceVertices(Collection<VertexFlows> vertices) {
    return vertices.stream().filter(vertex -> vertex.vertex.address().isPresent()).count();
  }
}
