package dev.hoptrace.scenario;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules for owned prefixes: inside the lab's ranges (which the client routes into the lab and
 * nowhere else), of a family the scenario carries, clear of every link subnet, reply-from address
 * and other prefix, owned by a router or the destination the client can reach.
 */
final class PrefixChecks {
  private static final Prefix LAB_V4 = Prefix.parse("198.18.0.0/15");
  private static final Prefix LAB_V6 = Prefix.parse("2001:db8::/32");

  private PrefixChecks() {}

  static void check(String name, Scenario.Family family, Map<String, Node> nodes, List<Link> links) {
    List<Prefix> taken = new ArrayList<>();
    List<String> takenBy = new ArrayList<>();
    for (Link link : links) {
      for (boolean v6 : new boolean[] {false, true}) {
        InetAddress a = AddressPlan.of(link, link.a(), v6);
        taken.add(subnet(a, AddressPlan.prefixLength(v6)));
        takenBy.add("link " + link.a() + " -- " + link.b());
      }
    }
    for (Node node : nodes.values()) {
      node.router().replyFromV4().ifPresent(a -> {
        taken.add(new Prefix(a, 32));
        takenBy.add("the reply-from address of " + node.name());
      });
      node.router().replyFromV6().ifPresent(a -> {
        taken.add(new Prefix(a, 128));
        takenBy.add("the reply-from address of " + node.name());
      });
    }
    Routes routes = new Routes(nodes, links);
    String client = nodes.values().stream().filter(n -> n.role() == Node.Role.CLIENT)
        .findFirst().orElseThrow().name();
    for (Node node : nodes.values()) {
      OwnedPrefixes owned = node.owned();
      if (owned.isEmpty()) {
        continue;
      }
      String who = name + ": " + node.name();
      if (node.role() == Node.Role.CLIENT) {
        throw new IllegalArgumentException(who + " is the client; only a router or the"
            + " destination owns prefixes");
      }
      if (owned.hosts() == OwnedPrefixes.Hosts.UNREACHABLE && node.role() != Node.Role.ROUTER) {
        throw new IllegalArgumentException(who + ": 'hosts: unreachable' needs a router (the"
            + " destination forwards nothing); make it silent or give the prefix to its router");
      }
      if (routes.hopsToward(client, node.name()) < 0) {
        throw new IllegalArgumentException(who + " owns prefixes but cannot be reached from the"
            + " client");
      }
      for (Prefix prefix : owned.prefixes()) {
        if (prefix.ipv6() ? !family.ipv6() : !family.ipv4()) {
          throw new IllegalArgumentException(who + " owns " + prefix + " but the scenario"
              + " carries no IPv" + (prefix.ipv6() ? "6" : "4") + " (family)");
        }
        Prefix range = prefix.ipv6() ? LAB_V6 : LAB_V4;
        if (!range.contains(prefix.network()) || prefix.length() < range.length()) {
          throw new IllegalArgumentException(who + " owns " + prefix + ", outside the lab range "
              + range + " (the client routes only that into the lab)");
        }
        for (int i = 0; i < taken.size(); i++) {
          if (taken.get(i).overlaps(prefix)) {
            throw new IllegalArgumentException(who + " owns " + prefix + ", which overlaps "
                + takenBy.get(i) + " (" + taken.get(i) + ")");
          }
        }
        taken.add(prefix);
        takenBy.add("a prefix of " + node.name());
      }
    }
  }

  private static Prefix subnet(InetAddress address, int length) {
    byte[] b = address.getAddress();
    for (int bit = length; bit < b.length * 8; bit++) {
      b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return new Prefix(InetAddress.getByAddress(b), length);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
