package dev.hoptrace.lab;

import java.net.InetAddress;

/**
 * Renders a router behaviour as one nftables table. The table is always named {@value #TABLE}
 * and replaced whole, so a behaviour can change while the lab runs.
 */
final class NftRules {
  static final String TABLE = "hoptrace_lab";

  private NftRules() {}

  /**
   * The script that removes any previous lab table and installs {@code behaviour}'s rules.
   * Time Exceeded is sent before the forward hook, so a firewalled or rejecting router still
   * answers for its own hop; only probes it would forward are dropped or rejected.
   */
  static String script(RouterBehaviour behaviour, InetAddress destination4,
      InetAddress destination6) {
    String reset = "table inet " + TABLE + "\ndelete table inet " + TABLE + "\n";
    String body = switch (behaviour) {
      case RouterBehaviour.Answering a -> "";
      case RouterBehaviour.Silent s -> """
          chain output {
            type filter hook output priority 0; policy accept;
            icmp type time-exceeded drop
            icmpv6 type time-exceeded drop
          }
          """;
      case RouterBehaviour.Firewall f -> """
          chain forward {
            type filter hook forward priority 0; policy drop;
          }
          """;
      case RouterBehaviour.Rejecting r -> """
          chain forward {
            type filter hook forward priority 0; policy accept;
            ip daddr %s reject with icmp type %s
            ip6 daddr %s reject with icmpv6 type %s
          }
          """.formatted(
              destination4.getHostAddress(), r.code().nftType(IpFamily.IPV4),
              destination6.getHostAddress(), r.code().nftType(IpFamily.IPV6));
    };
    return body.isEmpty() ? reset : reset + "table inet " + TABLE + " {\n" + body + "}\n";
  }
}
