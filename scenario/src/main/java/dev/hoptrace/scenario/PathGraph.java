package dev.hoptrace.scenario;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every path the client's probes can take to the destination, as a multipath trace should see it:
 * per TTL the interfaces that answer (a router answers from the interface a probe came in on, the
 * destination from its address) and the edges between consecutive TTLs. Derived from the routes
 * and the address plan alone, so tests check a trace against the scenario, not against another
 * trace. Every router balances over all its equal-cost next hops (per flow or per packet).
 */
public final class PathGraph {
  /** An edge between an interface at {@code ttl − 1} and one at {@code ttl}. */
  public record Edge(int ttl, InetAddress from, InetAddress to) {}

  private final TreeMap<Integer, Set<InetAddress>> interfaces = new TreeMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();

  private PathGraph() {}

  public static PathGraph of(Scenario scenario, boolean ipv6) {
    Routes routes = Routes.of(scenario);
    String destination = scenario.destination().name();
    InetAddress destinationAddress = AddressPlan.destination(scenario, ipv6);
    PathGraph graph = new PathGraph();
    // Node -> the interfaces it answers from at the current TTL.
    Map<String, Set<InetAddress>> here = new LinkedHashMap<>();
    String client = scenario.client().name();
    for (String next : routes.nextHopsToDestination(client)) {
      here.computeIfAbsent(next, n -> new LinkedHashSet<>())
          .add(answering(scenario, next, client, destination, destinationAddress, ipv6));
    }
    for (int ttl = 1; !here.isEmpty(); ttl++) {
      Map<String, Set<InetAddress>> next = new LinkedHashMap<>();
      for (Map.Entry<String, Set<InetAddress>> entry : here.entrySet()) {
        String node = entry.getKey();
        graph.interfaces.computeIfAbsent(ttl, t -> new LinkedHashSet<>()).addAll(entry.getValue());
        if (node.equals(destination)) {
          continue;
        }
        for (String hop : routes.nextHopsToDestination(node)) {
          InetAddress to = answering(scenario, hop, node, destination, destinationAddress, ipv6);
          next.computeIfAbsent(hop, n -> new LinkedHashSet<>()).add(to);
          for (InetAddress from : entry.getValue()) {
            graph.edges.add(new Edge(ttl + 1, from, to));
          }
        }
      }
      here = next;
    }
    return graph;
  }

  private static InetAddress answering(Scenario scenario, String node, String previous,
      String destination, InetAddress destinationAddress, boolean ipv6) {
    return node.equals(destination)
        ? destinationAddress
        : AddressPlan.of(scenario.linkBetween(node, previous).orElseThrow(), node, ipv6);
  }

  /** TTL → the interfaces answering there, ascending. */
  public Map<Integer, Set<InetAddress>> interfaces() {
    return interfaces;
  }

  public Set<Edge> edges() {
    return edges;
  }

  /** The TTL the destination answers at. */
  public int depth() {
    return interfaces.lastKey();
  }

  /** Every interface, once, by TTL. */
  public List<InetAddress> allInterfaces() {
    List<InetAddress> all = new ArrayList<>();
    interfaces.values().forEach(all::addAll);
    return all;
  }
}
