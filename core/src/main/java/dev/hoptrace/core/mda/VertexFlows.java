package dev.hoptrace.core.mda;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The flows known to pass one vertex, split by whether they were probed at the next TTL yet. */
final class VertexFlows {
  final Vertex vertex;
  /** Flows already probed at the explored TTL. */
  final List<Integer> probed = new ArrayList<>();
  final List<Integer> unprobed = new ArrayList<>();
  /** Distinct answers at the explored TTL; silence counts as one next hop. */
  final Set<Answer> successors = new LinkedHashSet<>();

  VertexFlows(Vertex vertex) {
    this.vertex = vertex;
  }

  void add(int flow, Answer next) {
    if (next == null) {
      unprobed.add(flow);
    } else {
      probed.add(flow);
      successors.add(next);
    }
  }

  int size() {
    return probed.size() + unprobed.size();
  }

  /**
   * The vertex delivered its flows to the destination and nothing else: it is the destination's
   * neighbour, which reaches the one host over its connected link, so it has no other next hop to
   * look for and needs no more flows.
   */
  boolean closed() {
    return !successors.isEmpty()
        && successors.stream().allMatch(answer -> answer instanceof Answer.Destination);
  }

  /** Next hops that answered: what the vertex's out-degree is made of. */
  long answeringSuccessors() {
    return successors.stream().filter(answer -> !(answer instanceof Answer.Silent)).count();
  }
}
