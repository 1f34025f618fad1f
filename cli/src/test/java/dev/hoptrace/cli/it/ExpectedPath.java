package dev.hoptrace.cli.it;

import dev.hoptrace.lab.HopPlan;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Filter;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.RouterBehaviour;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a scenario promises any correct trace through it, whichever network runs it: who may
 * answer at each TTL, how long an answer from each node takes, and how likely it is to come
 * back. Derived from the scenario file alone, so it judges the lab and the simulator alike.
 *
 * <p>Replies are assumed to come back over the reverse of a forward path: true of every
 * scenario here, whose balanced branches have equal delays and losses.
 */
final class ExpectedPath {
  /**
   * How a node is reached from the client, one way.
   *
   * @param minMs the shortest one-way delay over every forward path (jitter at its lowest)
   * @param maxMs the longest (jitter at its highest)
   * @param survival the chance a packet crosses every link to the node, or NaN when paths differ
   */
  record Reach(double minMs, double maxMs, double survival) {
    Reach merge(Reach other) {
      double s = survival == other.survival ? survival : Double.NaN;
      return new Reach(Math.min(minMs, other.minMs), Math.max(maxMs, other.maxMs), s);
    }

    Reach over(Link link) {
      double delay = link.delay().toNanos() / 1e6;
      double jitter = link.jitter().toNanos() / 1e6;
      return new Reach(minMs + Math.max(0, delay - jitter), maxMs + delay + jitter,
          survival * (1 - link.loss()));
    }

    /** The chance that a probe reaches the node and its answer comes back. */
    double roundTripSurvival() {
      return survival * survival;
    }
  }

  private final Scenario scenario;
  private final HopPlan plan;
  private final Map<String, Reach> reach = new LinkedHashMap<>();

  ExpectedPath(Scenario scenario) {
    this.scenario = scenario;
    this.plan = new HopPlan(scenario);
    Routes routes = Routes.of(scenario);
    String client = scenario.client().name();
    reach.put(client, new Reach(0, 0, 1));
    Set<String> frontier = Set.of(client);
    for (int ttl = 1; ttl <= plan.destinationTtl(); ttl++) {
      Map<String, Reach> next = new LinkedHashMap<>();
      for (String from : frontier) {
        for (String to : routes.nextHopsToDestination(from)) {
          Reach via = reach.get(from).over(scenario.linkBetween(from, to).orElseThrow());
          next.merge(to, via, Reach::merge);
        }
      }
      reach.putAll(next);
      frontier = next.keySet();
    }
  }

  Scenario scenario() {
    return scenario;
  }

  int destinationTtl() {
    return plan.destinationTtl();
  }

  /**
   * Who may answer a probe with {@code ttl} of {@code packetLength} bytes: the nodes it can
   * expire on, or a router one hop short of them that will not forward it (a reject filter, or
   * an IPv6 link too small: Packet Too Big) and says so. Behind such a router, or one that
   * drops, and past the destination, nobody.
   */
  Set<InetAddress> allowedResponders(int ttl, IpFamily family, int packetLength) {
    for (int k = 1; k < ttl && k <= plan.destinationTtl(); k++) {
      Set<InetAddress> refusing = new LinkedHashSet<>();
      for (String node : plan.nodes(k)) {
        if (filter(node).kind() == Filter.Kind.DROP) {
          return Set.of();
        }
        if (refuses(node, family, packetLength)) {
          refusing.addAll(addressesOf(node, k, family));
        }
      }
      if (!refusing.isEmpty()) {
        return refusing;
      }
    }
    return ttl <= plan.destinationTtl() ? plan.addresses(ttl, family) : Set.of();
  }

  /**
   * Whether {@code node} answers the probes it will not forward toward the destination: it
   * rejects them, or (IPv6, which routers never fragment) its next link is too small.
   */
  private boolean refuses(String node, IpFamily family, int packetLength) {
    if (filter(node).kind() == Filter.Kind.REJECT) {
      return true;
    }
    if (family != IpFamily.IPV6 || scenario.node(node).role() != Node.Role.ROUTER) {
      return false;
    }
    return Routes.of(scenario).nextHopsToDestination(node).stream()
        .anyMatch(next -> scenario.linkBetween(node, next).orElseThrow().mtu() < packetLength);
  }

  /** The nodes a probe with {@code ttl} can expire on (none past the destination). */
  Set<String> nodes(int ttl) {
    return ttl >= 1 && ttl <= plan.destinationTtl() ? plan.nodes(ttl) : Set.of();
  }

  /** How {@code node} is reached. */
  Reach reach(String node) {
    return reach.get(node);
  }

  /** The node that owns {@code address}: an interface address or a reply-from address. */
  Optional<String> nodeOf(InetAddress address) {
    return Optional.ofNullable(owners().get(address));
  }

  /** The ICMP policy of {@code node}: how it answers (destinations always answer). */
  IcmpPolicy icmp(String node) {
    Node n = scenario.node(node);
    return n.role() == Node.Role.ROUTER ? n.router().icmp() : IcmpPolicy.ANSWER;
  }

  /** What router {@code node} does besides forwarding (the default for client and destination). */
  RouterBehaviour router(String node) {
    Node n = scenario.node(node);
    return n.role() == Node.Role.ROUTER ? n.router() : RouterBehaviour.DEFAULT;
  }

  /** Whether a router at {@code ttl} balances over several next hops (the hop after varies). */
  boolean balancedBefore(int ttl) {
    return ttl > 1 && nodes(ttl - 1).stream()
        .anyMatch(n -> Routes.of(scenario).nextHopsToDestination(n).size() > 1);
  }

  /** Whether any router between the client and {@code ttl} balances per packet. */
  boolean perPacketBefore(int ttl) {
    for (int t = 1; t < ttl && t <= plan.destinationTtl(); t++) {
      for (String n : plan.nodes(t)) {
        if (router(n).balancing() == RouterBehaviour.Balancing.PER_PACKET
            && Routes.of(scenario).nextHopsToDestination(n).size() > 1) {
          return true;
        }
      }
    }
    return false;
  }

  private Filter filter(String node) {
    return router(node).filter();
  }

  private Set<InetAddress> addressesOf(String node, int ttl, IpFamily family) {
    Set<InetAddress> all = new LinkedHashSet<>(plan.addresses(ttl, family));
    all.removeIf(a -> !node.equals(owners().get(a)));
    return all;
  }

  private Map<InetAddress, String> owners;

  private Map<InetAddress, String> owners() {
    if (owners == null) {
      Map<InetAddress, String> map = new HashMap<>();
      for (Link link : scenario.links()) {
        for (String end : List.of(link.a(), link.b())) {
          map.put(AddressPlan.of(link, end, false), end);
          map.put(AddressPlan.of(link, end, true), end);
        }
      }
      for (Node node : scenario.nodes().values()) {
        if (node.role() == Node.Role.ROUTER) {
          node.router().replyFromV4().ifPresent(a -> map.put(a, node.name()));
          node.router().replyFromV6().ifPresent(a -> map.put(a, node.name()));
        }
      }
      owners = map;
    }
    return owners;
  }
}
