package dev.hoptrace.lab;

import dev.hoptrace.scenario.OwnedPrefixes;
import dev.hoptrace.scenario.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * How the hosts of a node's own prefixes answer, as nftables rules. Answering hosts need none:
 * the kernel answers for every address of a {@code local} route as for its own. Silent hosts
 * drop in the input hook. Unreachable hosts are refused in the forward hook, which comes after
 * the TTL check, so the router still answers Time Exceeded for its own hop and Host
 * Unreachable (from the interface the probe came in on) one hop later, as a router whose LAN
 * has nobody at the address.
 */
final class PrefixRules {
  private PrefixRules() {}

  static List<String> parts(dev.hoptrace.scenario.Node node) {
    OwnedPrefixes owned = node.owned();
    List<String> rules = new ArrayList<>();
    String v4 = set(owned.of(false));
    String v6 = set(owned.of(true));
    switch (owned.hosts()) {
      case ANSWER -> { }
      case SILENT -> {
        if (v4 != null) {
          rules.add("ip daddr " + v4 + " drop");
        }
        if (v6 != null) {
          rules.add("ip6 daddr " + v6 + " drop");
        }
      }
      case UNREACHABLE -> {
        if (v4 != null) {
          rules.add("ip daddr " + v4 + " reject with icmp type host-unreachable");
        }
        if (v6 != null) {
          rules.add("ip6 daddr " + v6 + " reject with icmpv6 type addr-unreachable");
        }
      }
    }
    if (rules.isEmpty()) {
      return List.of();
    }
    String hook = owned.hosts() == OwnedPrefixes.Hosts.SILENT ? "input" : "forward";
    return List.of(NodeRules.chain("owned_prefixes",
        "type filter hook " + hook + " priority 0; policy accept;", rules));
  }

  private static String set(List<Prefix> prefixes) {
    return prefixes.isEmpty() ? null
        : "{ " + String.join(", ", prefixes.stream().map(Prefix::toString).toList()) + " }";
  }
}
