package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.OwnedPrefixes;
import dev.hoptrace.scenario.Prefix;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario's {@link Routes} as kernel routes, one {@code ip -batch} line each. Every router
 * routes every link subnet it is not on toward the nearer end of that link; several equally
 * short next hops become one multipath route, hashed per flow (addresses, protocol,
 * ports; see {@link ScenarioSetup}). A per-packet router also gets one table per turn, chosen by
 * the packet mark nftables numbers packets with (see {@link RouterRules}).
 */
final class ScenarioRoutes {
  /** Per-packet tables are {@code TABLE_BASE + turn}, turn 1..ways; fwmark rules use the low byte. */
  static final int TABLE_BASE = 100;
  static final int TURN_MASK = 0xff;

  private final Scenario scenario;
  private final Routes routes;

  ScenarioRoutes(Scenario scenario) {
    this.scenario = scenario;
    this.routes = Routes.of(scenario);
  }

  /** The routes of {@code node} in {@code family}. */
  List<String> routes(String node, IpFamily family) {
    List<String> lines = new ArrayList<>();
    dev.hoptrace.scenario.Node n = scenario.node(node);
    if (n.role() != dev.hoptrace.scenario.Node.Role.ROUTER) {
      // End hosts send only the lab ranges into the lab: no default route, nothing else.
      Link only = scenario.linksOf(node).getFirst();
      lines.add("route add " + LinkAddresses.labRange(family) + " via "
          + AddressText.of(LinkAddresses.of(only, only.other(node), family)));
      lines.addAll(ownPrefixes(n, family));
      return lines;
    }
    int ways = perPacketWays(node);
    for (Link link : scenario.links()) {
      if (!link.touches(node)) {
        addRoute(lines, node, LinkAddresses.subnet(link, family), nextHopsToLink(node, link),
            family, ways);
      }
    }
    for (dev.hoptrace.scenario.Node other : scenario.nodes().values()) {
      for (Prefix prefix : other.owned().of(family == IpFamily.IPV6)) {
        if (!other.name().equals(node)) {
          addRoute(lines, node, prefix.toString(), routes.nextHopsToward(node, other.name()),
              family, ways);
        }
      }
    }
    lines.addAll(ownPrefixes(n, family));
    for (dev.hoptrace.scenario.Node other : scenario.nodes().values()) {
      Optional<? extends InetAddress> replyFrom = replyFrom(other, family);
      if (!other.name().equals(node) && replyFrom.isPresent()) {
        addRoute(lines, node, LinkAddresses.host(replyFrom.get()),
            routes.nextHopsToward(node, other.name()), family, ways);
      }
    }
    return lines;
  }

  /**
   * The node's own prefixes: local to it (Linux AnyIP: a {@code local} route makes every address
   * of the prefix the node's own, so it answers as a host for each without one address per
   * host), or, for unreachable hosts, routed onto {@value #NOWHERE}, a veth whose peer holds no
   * address, where the forward hook refuses them first (see {@link PrefixRules}).
   */
  static List<String> ownPrefixes(dev.hoptrace.scenario.Node node, IpFamily family) {
    List<String> lines = new ArrayList<>();
    for (Prefix prefix : node.owned().of(family == IpFamily.IPV6)) {
      lines.add(node.owned().hosts() == OwnedPrefixes.Hosts.UNREACHABLE
          ? "route add " + prefix + " dev " + NOWHERE
          : "route add local " + prefix + " dev lo");
    }
    return lines;
  }

  /** The interface a router sends its prefixes of unreachable hosts to (no dummy module here). */
  static final String NOWHERE = "nowhere";

  /**
   * How many turns a per-packet router takes: the most next hops any of its routes has, or 0
   * when it balances per flow or never has a choice.
   */
  int perPacketWays(String node) {
    dev.hoptrace.scenario.Node n = scenario.node(node);
    if (n.role() != dev.hoptrace.scenario.Node.Role.ROUTER
        || n.router().balancing() != dev.hoptrace.scenario.RouterBehaviour.Balancing.PER_PACKET) {
      return 0;
    }
    int ways = 0;
    for (Link link : scenario.links()) {
      if (!link.touches(node)) {
        ways = Math.max(ways, nextHopsToLink(node, link).size());
      }
    }
    for (dev.hoptrace.scenario.Node other : scenario.nodes().values()) {
      if (!other.owned().isEmpty() && !other.name().equals(node)) {
        ways = Math.max(ways, routes.nextHopsToward(node, other.name()).size());
      }
    }
    return ways > 1 ? ways : 0;
  }

  /** The prefixes {@code node} reaches over several next hops: the ones it balances. */
  List<String> balancedPrefixes(String node, IpFamily family) {
    List<String> prefixes = new ArrayList<>();
    for (Link link : scenario.links()) {
      if (!link.touches(node) && nextHopsToLink(node, link).size() > 1) {
        prefixes.add(LinkAddresses.subnet(link, family));
      }
    }
    for (dev.hoptrace.scenario.Node other : scenario.nodes().values()) {
      if (!other.name().equals(node) && routes.nextHopsToward(node, other.name()).size() > 1) {
        other.owned().of(family == IpFamily.IPV6).forEach(p -> prefixes.add(p.toString()));
      }
    }
    return prefixes;
  }

  /** The policy rules of a per-packet router: packets marked with turn {@code j} use table j. */
  List<String> rules(String node) {
    List<String> lines = new ArrayList<>();
    for (int turn = 1; turn <= perPacketWays(node); turn++) {
      lines.add("rule add fwmark " + turn + "/" + TURN_MASK + " table " + (TABLE_BASE + turn)
          + " priority " + (TABLE_BASE + turn));
    }
    return lines;
  }

  /** The nodes one hop closer to the nearer end of {@code link}; both ends' when equally far. */
  List<String> nextHopsToLink(String node, Link link) {
    int toA = distance(node, link.a());
    int toB = distance(node, link.b());
    Set<String> next = new LinkedHashSet<>();
    if (toA >= 0 && (toB < 0 || toA <= toB)) {
      next.addAll(routes.nextHopsToward(node, link.a()));
    }
    if (toB >= 0 && (toA < 0 || toB <= toA)) {
      next.addAll(routes.nextHopsToward(node, link.b()));
    }
    return List.copyOf(next);
  }

  private void addRoute(List<String> lines, String node, String prefix, List<String> next,
      IpFamily family, int ways) {
    if (next.isEmpty()) {
      return; // unreachable from here (beyond a host): nothing to route
    }
    StringBuilder route = new StringBuilder("route add ").append(prefix);
    if (next.size() == 1) {
      route.append(' ').append(via(node, next.getFirst(), family));
    } else {
      next.forEach(hop -> route.append(" nexthop ").append(via(node, hop, family)));
    }
    lines.add(route.toString());
    if (ways > 0 && next.size() > 1) {
      for (int turn = 1; turn <= ways; turn++) {
        lines.add("route add " + prefix + " " + via(node, next.get((turn - 1) % next.size()), family)
            + " table " + (TABLE_BASE + turn));
      }
    }
  }

  private String via(String node, String neighbour, IpFamily family) {
    Link link = scenario.linkBetween(node, neighbour).orElseThrow();
    return "via " + AddressText.of(LinkAddresses.of(link, neighbour, family)) + " dev "
        + Node.interfaceName(link.index());
  }

  /** Hops from {@code node} to {@code target} on a shortest path, or -1. */
  int distance(String node, String target) {
    String at = node;
    for (int hops = 0; hops <= scenario.nodes().size(); hops++) {
      if (at.equals(target)) {
        return hops;
      }
      List<String> next = routes.nextHopsToward(at, target);
      if (next.isEmpty()) {
        return -1;
      }
      at = next.getFirst();
    }
    return -1;
  }

  static Optional<? extends InetAddress> replyFrom(dev.hoptrace.scenario.Node node,
      IpFamily family) {
    return family == IpFamily.IPV4 ? node.router().replyFromV4() : node.router().replyFromV6();
  }
}
