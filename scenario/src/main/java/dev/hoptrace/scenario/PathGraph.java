package dev.hoptrace.scenario;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** How a trace toward the target ends. */
  public enum End {
    /** The target answers at {@link #ownerTtl()}. */
    REACHED,
    /** The owner answers Host Unreachable one TTL past its own hop (a prefix of unreachable hosts). */
    UNREACHABLE,
    /** Nothing answers from {@link #ownerTtl()} on (a prefix of silent hosts). */
    SILENT
  }

  private final TreeMap<Integer, Set<InetAddress>> interfaces = new TreeMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();
  private End end = End.REACHED;
  private int ownerTtl;

  private PathGraph() {}

  /** Every path to the scenario's destination. */
  public static PathGraph of(Scenario scenario, boolean ipv6) {
    return walk(scenario, scenario.destination().name(), AddressPlan.destination(scenario, ipv6),
        ipv6, OwnedPrefixes.Hosts.ANSWER);
  }

  /**
   * Every path to {@code target}: an address of an owned prefix (answered as its {@code hosts}
   * say), or any node's link address (answered by that node as a host).
   *
   * @throws IllegalArgumentException when no node of the scenario has the address
   */
  public static PathGraph to(Scenario scenario, InetAddress target) {
    boolean ipv6 = target instanceof java.net.Inet6Address;
    Optional<Node> owner = scenario.prefixOwner(target);
    if (owner.isPresent()) {
      return walk(scenario, owner.get().name(), target, ipv6, owner.get().owned().hosts());
    }
    for (Link link : scenario.links()) {
      for (String end : List.of(link.a(), link.b())) {
        if (AddressPlan.of(link, end, ipv6).equals(target)) {
          return walk(scenario, end, target, ipv6, OwnedPrefixes.Hosts.ANSWER);
        }
      }
    }
    throw new IllegalArgumentException("no node of scenario " + scenario.name() + " has "
        + target.getHostAddress());
  }

  private static PathGraph walk(Scenario scenario, String owner, InetAddress target,
      boolean ipv6, OwnedPrefixes.Hosts hosts) {
    Routes routes = Routes.of(scenario);
    PathGraph graph = new PathGraph();
    graph.end = switch (hosts) {
      case ANSWER -> End.REACHED;
      case SILENT -> End.SILENT;
      case UNREACHABLE -> End.UNREACHABLE;
    };
    // Node -> the interfaces it answers from at the current TTL.
    Map<String, Set<InetAddress>> here = new LinkedHashMap<>();
    String client = scenario.client().name();
    for (String next : routes.nextHopsToward(client, owner)) {
      here.computeIfAbsent(next, n -> new LinkedHashSet<>())
          .addAll(answering(scenario, next, client, owner, target, ipv6, hosts));
    }
    for (int ttl = 1; !here.isEmpty(); ttl++) {
      Map<String, Set<InetAddress>> next = new LinkedHashMap<>();
      for (Map.Entry<String, Set<InetAddress>> entry : here.entrySet()) {
        String node = entry.getKey();
        if (!entry.getValue().isEmpty()) {
          graph.interfaces.computeIfAbsent(ttl, t -> new LinkedHashSet<>()).addAll(entry.getValue());
        }
        if (node.equals(owner)) {
          graph.ownerTtl = ttl;
          if (hosts == OwnedPrefixes.Hosts.UNREACHABLE) {
            graph.interfaces.computeIfAbsent(ttl + 1, t -> new LinkedHashSet<>())
                .addAll(entry.getValue());
          }
          continue;
        }
        for (String hop : routes.nextHopsToward(node, owner)) {
          Set<InetAddress> to = answering(scenario, hop, node, owner, target, ipv6, hosts);
          next.computeIfAbsent(hop, n -> new LinkedHashSet<>()).addAll(to);
          for (InetAddress from : entry.getValue()) {
            for (InetAddress t : to) {
              graph.edges.add(new Edge(ttl + 1, from, t));
            }
          }
        }
      }
      here = next;
    }
    return graph;
  }

  /** The addresses {@code node} answers from when reached from {@code previous}. */
  private static Set<InetAddress> answering(Scenario scenario, String node, String previous,
      String owner, InetAddress target, boolean ipv6, OwnedPrefixes.Hosts hosts) {
    InetAddress inbound = AddressPlan.of(scenario.linkBetween(node, previous).orElseThrow(), node,
        ipv6);
    if (!node.equals(owner)) {
      return Set.of(inbound);
    }
    return switch (hosts) {
      case ANSWER -> Set.of(target);
      case SILENT -> Set.of();
      case UNREACHABLE -> Set.of(inbound);
    };
  }

  /** How a trace toward the target ends. */
  public End end() {
    return end;
  }

  /** The TTL at which probes reach the target's owner (the destination: {@link #depth()}). */
  public int ownerTtl() {
    return ownerTtl;
  }

  /** TTL → the interfaces answering there, ascending. */
  public Map<Integer, Set<InetAddress>> interfaces() {
    return interfaces;
  }

  public Set<Edge> edges() {
    return edges;
  }

  /** The last TTL anything answers at (the destination's, when it answers). */
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
