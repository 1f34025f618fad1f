package dev.hoptrace.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Shortest-path routing over a scenario's links, by link cost (1 unless a link says otherwise, so
 * by hop count), as both the lab (kernel routes, multipath where several next hops tie) and the
 * simulator forward. Ties are kept: every neighbour on a shortest path to the target is an
 * equal-cost next hop, in link order.
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

  /** Route length from {@code node} to the destination (hops, at cost 1 a link), or -1 when none. */
  public int hopsToDestination(String node) {
    return distancesTo(destination()).getOrDefault(node, -1);
  }

  /** Route cost from {@code node} to {@code target} (hops, at cost 1 a link), or -1 when none. */
  public int hopsToward(String node, String target) {
    return distancesTo(target).getOrDefault(node, -1);
  }

  /** Neighbours on a shortest path to the destination, in link order (several: ECMP). */
  public List<String> nextHopsToDestination(String node) {
    return nextHopsToward(node, destination());
  }

  /** Neighbours on a shortest path to the client, in link order: the path replies take back. */
  public List<String> nextHopsToClient(String node) {
    return nextHopsToward(node, client());
  }

  /** Neighbours on a shortest path to {@code target}, in link order. */
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
        if (d.getOrDefault(other, -1) == here - link.cost()) {
          next.add(other);
        }
      }
    }
    return next;
  }

  private Map<String, Integer> distancesTo(String target) {
    return distances.computeIfAbsent(target, t -> {
      // Dijkstra from the target; hosts (client, destination) do not forward.
      Map<String, Integer> d = new HashMap<>();
      PriorityQueue<Map.Entry<String, Integer>> queue =
          new PriorityQueue<>(Map.Entry.comparingByValue());
      d.put(t, 0);
      queue.add(Map.entry(t, 0));
      while (!queue.isEmpty()) {
        Map.Entry<String, Integer> next = queue.poll();
        String at = next.getKey();
        if (next.getValue() > d.get(at)
            || (!at.equals(t) && nodes.get(at).role() != Node.Role.ROUTER)) {
          continue;
        }
        for (Link link : links) {
          if (link.touches(at)) {
            String other = link.other(at);
            int via = d.get(at) + link.cost();
            if (via < d.getOrDefault(other, Integer.MAX_VALUE)) {
              d.put(other, via);
              queue.add(Map.entry(other, via));
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
