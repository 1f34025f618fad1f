package dev.hoptrace.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest-path routing over a scenario's links, by hop count, as both the lab (kernel routes,
 * multipath where several next hops tie) and the simulator forward. Ties are kept: every neighbour
 * one hop closer to the target is an equal-cost next hop, in link order.
 */
public final class Routes {
  private final Map<String, Node> nodes;
  private final List<Link> links;
  private final Map<String, Map<String, Integer>> distances = new HashMap<>();

  Routes(Map<String, Node> nodes, List<Link> links) {
    this.nodes = nodes;
    this.links = links;
  }

  public static Routes of(Scenario scenario) {
    return new Routes(scenario.nodes(), scenario.links());
  }

  /** Hops from {@code node} to the destination, or -1 when it cannot get there. */
  public int hopsToDestination(String node) {
    return distancesTo(destination()).getOrDefault(node, -1);
  }

  /** Hops from {@code node} to {@code target}, or -1 when it cannot get there. */
  public int hopsToward(String node, String target) {
    return distancesTo(target).getOrDefault(node, -1);
  }

  /** Neighbours one hop closer to the destination, in link order (several: ECMP). */
  public List<String> nextHopsToDestination(String node) {
    return nextHopsToward(node, destination());
  }

  /** Neighbours one hop closer to the client, in link order: the path replies take back. */
  public List<String> nextHopsToClient(String node) {
    return nextHopsToward(node, client());
  }

  /** Neighbours one hop closer to {@code target}, in link order. */
  public List<String> nextHopsToward(String node, String target) {
    Map<String, Integer> d = distancesTo(target);
    Integer here = d.get(node);
    List<String> next = new ArrayList<>();
    if (here == null || here == 0) {
      return next;
    }
    for (Link link : links) {
      if (link.touches(node)) {
        String other = link.other(node);
        if (d.getOrDefault(other, -1) == here - 1) {
          next.add(other);
        }
      }
    }
    return next;
  }

  private Map<String, Integer> distancesTo(String target) {
    return distances.computeIfAbsent(target, t -> {
      // Breadth-first from the target; hosts (client, destination) do not forward.
      Map<String, Integer> d = new HashMap<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      d.put(t, 0);
      queue.add(t);
      while (!queue.isEmpty()) {
        String at = queue.poll();
        if (!at.equals(t) && nodes.get(at).role() != Node.Role.ROUTER) {
          continue;
        }
        for (Link link : links) {
          if (link.touches(at)) {
            String other = link.other(at);
            if (!d.containsKey(other)) {
              d.put(other, d.get(at) + 1);
              queue.add(other);
            }
          }
        }
      }
      return d;
    });
  }

  private String destination() {
    return nodes.values().stream().filter(n -> n.role() == Node.Role.DESTINATION).findFirst().orElseThrow().name();
  }

  private String client() {
    return nodes.values().stream().filter(n -> n.role() == Node.Role.CLIENT).findFirst().orElseThrow().name();
  }
}
