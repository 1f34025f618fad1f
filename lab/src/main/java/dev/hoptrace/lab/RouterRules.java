package dev.hoptrace.lab;

import dev.hoptrace.scenario.Filter;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a router does besides forwarding, as nftables chains. ICMP errors a router originates
 * (Time Exceeded before the forward hook, rejects inside it) leave through its output hook, so
 * silence, rate limits and source rewriting all act there and never touch forwarded traffic.
 */
final class RouterRules {
  private static final String V4_ERRORS = "{ destination-unreachable, time-exceeded }";
  private static final String V6_ERRORS = "{ destination-unreachable, time-exceeded }";
  private static final String V4_ALL_ERRORS =
      "{ destination-unreachable, time-exceeded, parameter-problem }";
  private static final String V6_ALL_ERRORS =
      "{ destination-unreachable, packet-too-big, time-exceeded, parameter-problem }";

  private final Scenario scenario;
  private final dev.hoptrace.scenario.Node node;
  private final ScenarioRoutes routes;

  RouterRules(Scenario scenario, String node, ScenarioRoutes routes) {
    this.scenario = scenario;
    this.node = scenario.node(node);
    this.routes = routes;
  }

  List<String> parts() {
    List<String> parts = new ArrayList<>();
    parts.addAll(turns());
    parts.addAll(icmpPolicy(node.router().icmp()));
    parts.addAll(sourceAddress());
    parts.addAll(filter());
    parts.addAll(remark());
    if (node.router().nat() == dev.hoptrace.scenario.RouterBehaviour.Nat.MASQUERADE
        && !towardDestination().isEmpty()) {
      parts.add(NodeRules.chain("source_nat",
          "type nat hook postrouting priority srcnat; policy accept;",
          List.of("oifname " + NodeRules.interfaces(towardDestination()) + " masquerade")));
    }
    if (node.router().nat() == dev.hoptrace.scenario.RouterBehaviour.Nat.STATELESS) {
      parts.addAll(statelessNat());
    }
    return parts;
  }

  /**
   * Re-marks the DSCP of what the router forwards toward the destination ({@code ip dscp set},
   * ECN kept). The forward hook runs after the TTL check, so the router's own Time Exceeded
   * quotes the probe as it came and the next hop's shows the new DSCP.
   */
  private List<String> remark() {
    if (node.router().dscp().isEmpty() || towardDestination().isEmpty()) {
      return List.of();
    }
    String out = "oifname " + NodeRules.interfaces(towardDestination());
    int dscp = node.router().dscp().getAsInt();
    return List.of(NodeRules.chain("remark", "type filter hook forward priority 10; policy accept;",
        List.of(out + " ip dscp set " + dscp, out + " ip6 dscp set " + dscp)));
  }

  /**
   * A stateless rewrite of the client's address to the outbound interface's, and back for
   * whatever is addressed to that interface, header by header: nft updates the checksums that
   * cover the addresses (IPv4 header, UDP/TCP/ICMPv6 pseudo-header) and never looks into an ICMP
   * error's quote, so the router behind this one quotes the rewritten probe, and so does the
   * client receive it. No conntrack is involved (the prerouting chain runs before it would), and
 * IPv6 neighbour discovery for the outside address stays with the router.
   */
  private List<String> statelessNat() {
    dev.hoptrace.scenario.Node client = scenario.client();
    Link clientLink = scenario.linksOf(client.name()).getFirst();
    List<String> out = new ArrayList<>();
    List<String> in = new ArrayList<>();
    // Neighbour discovery for the outside address is the router's own: sent on, the router would
    // never learn its neighbour's link-layer address.
    in.add("icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept");
    for (String next : Routes.of(scenario).nextHopsToDestination(node.name())) {
      Link link = scenario.linkBetween(node.name(), next).orElseThrow();
      String ifname = "\"" + Node.interfaceName(link.index()) + "\"";
      for (IpFamily family : IpFamily.values()) {
        if (family == IpFamily.IPV4 ? !scenario.family().ipv4() : !scenario.family().ipv6()) {
          continue;
        }
        String ip = family == IpFamily.IPV4 ? "ip" : "ip6";
        String inside = AddressText.of(LinkAddresses.of(clientLink, client.name(), family));
        String outside = AddressText.of(LinkAddresses.of(link, node.name(), family));
        out.add("oifname " + ifname + " " + ip + " saddr " + inside + " " + ip + " saddr set "
            + outside);
        in.add("iifname " + ifname + " " + ip + " daddr " + outside + " " + ip + " daddr set "
            + inside);
      }
    }
    return out.isEmpty() ? List.of() : List.of(
        NodeRules.chain("stateless_nat_out",
            "type filter hook postrouting priority 100; policy accept;", out),
        NodeRules.chain("stateless_nat_in",
            "type filter hook prerouting priority -300; policy accept;", in));
  }

  /**
   * Drops ({@code silent}) or rate-limits the Time Exceeded and Unreachable messages the node
   * sends. The limit is one named token bucket for both families, as nft counts it: {@code
   * burst B packets} fills the bucket with B packets' worth of tokens (full at start), each
   * error takes one, and tokens come back at {@code rate}; {@code rate over} matches the errors
   * the bucket has no token for, which are dropped.
   */
  static List<String> icmpPolicy(IcmpPolicy policy) {
    return switch (policy.kind()) {
      case ANSWER -> List.of();
      case SILENT -> List.of(NodeRules.chain("icmp_policy",
          "type filter hook output priority 0; policy accept;",
          List.of("icmp type " + V4_ERRORS + " drop", "icmpv6 type " + V6_ERRORS + " drop")));
      case RATE_LIMITED -> List.of(
          "limit icmp_errors { rate over " + rate(policy.perSecond()) + " burst " + policy.burst()
              + " packets }",
          NodeRules.chain("icmp_policy", "type filter hook output priority 0; policy accept;",
              List.of("icmp type " + V4_ERRORS + " limit name \"icmp_errors\" drop",
                  "icmpv6 type " + V6_ERRORS + " limit name \"icmp_errors\" drop")));
    };
  }

  /** nft rates are whole packets per unit: the finest unit that keeps the rate exact. */
  static String rate(double perSecond) {
    if (perSecond == Math.rint(perSecond)) {
      return (long) perSecond + "/second";
    }
    double perMinute = perSecond * 60;
    if (perMinute == Math.rint(perMinute)) {
      return (long) perMinute + "/minute";
    }
    return Math.max(1, Math.round(perSecond * 3600)) + "/hour";
  }

  /**
   * Balancing per packet: {@code numgen inc} numbers the packets toward the balanced prefixes
   * 1..N in turn as their mark, and a policy rule per mark sends turn {@code j} to next hop
   * {@code j} (see {@link ScenarioRoutes#rules}). Only those packets count, so that replies
   * crossing the router do not take every other turn. Linux removed its own per-packet
   * multipath long ago.
   */
  private List<String> turns() {
    int ways = routes.perPacketWays(node.name());
    if (ways == 0) {
      return List.of();
    }
    List<String> rules = new ArrayList<>();
    for (IpFamily family : IpFamily.values()) {
      List<String> balanced = routes.balancedPrefixes(node.name(), family);
      if (family == IpFamily.IPV4 ? scenario.family().ipv4() : scenario.family().ipv6()) {
        rules.add((family == IpFamily.IPV4 ? "ip" : "ip6") + " daddr { "
            + String.join(", ", balanced) + " } meta mark set numgen inc mod " + ways
            + " offset 1");
      }
    }
    return List.of(NodeRules.chain("per_packet",
        "type filter hook prerouting priority mangle; policy accept;", rules));
  }

  /**
   * A reply-from address replaces the source of the node's ICMP errors (nft rewrites it and
   * fixes the checksums, the ICMPv6 pseudo-header included). Otherwise the kernel already
   * answers from the interface the probe came in on: IPv4 with {@code
   * icmp_errors_use_inbound_ifaddr=1}, IPv6 by itself ({@code icmp6_send} picks the source for
   * the inbound device, whichever way the error leaves).
   */
  private List<String> sourceAddress() {
    List<String> rules = new ArrayList<>();
    Optional<java.net.Inet4Address> from4 = node.router().replyFromV4();
    Optional<java.net.Inet6Address> from6 = node.router().replyFromV6();
    if (scenario.family().ipv4() && from4.isPresent()) {
      rules.add("icmp type " + V4_ALL_ERRORS + " ip saddr set " + AddressText.of(from4.get()));
    }
    if (scenario.family().ipv6() && from6.isPresent()) {
      rules.add("icmpv6 type " + V6_ALL_ERRORS + " ip6 saddr set " + AddressText.of(from6.get()));
    }
    return rules.isEmpty() ? List.of() : List.of(NodeRules.chain("reply_from",
        "type filter hook output priority 10; policy accept;", rules));
  }

  private List<String> filter() {
    Filter filter = node.router().filter();
    if (towardDestination().isEmpty()) {
      return List.of(); // a dead end: it forwards nothing toward the destination
    }
    String out = "oifname " + NodeRules.interfaces(towardDestination());
    List<String> rules = switch (filter.kind()) {
      case NONE -> List.of();
      case DROP -> List.of(out + " drop");
      case REJECT -> List.of(
          "meta nfproto ipv4 " + out + " reject with icmp type " + nftName(filter, false),
          "meta nfproto ipv6 " + out + " reject with icmpv6 type " + nftName(filter, true));
    };
    return rules.isEmpty() ? List.of() : List.of(NodeRules.chain("toward_destination",
        "type filter hook forward priority 0; policy accept;", rules));
  }

  private static String nftName(Filter filter, boolean v6) {
    return switch (filter.reject()) {
      case NET -> v6 ? "no-route" : "net-unreachable";
      case HOST -> v6 ? "addr-unreachable" : "host-unreachable";
      case ADMIN -> "admin-prohibited";
      case PORT -> "port-unreachable";
    };
  }

  /** The node's interfaces to its next hops toward the destination. */
  private List<String> towardDestination() {
    return Routes.of(scenario).nextHopsToDestination(node.name()).stream()
        .map(next -> Node.interfaceName(scenario.linkBetween(node.name(), next).orElseThrow()
            .index()))
        .toList();
  }
}
