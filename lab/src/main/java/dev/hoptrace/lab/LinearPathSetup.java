package dev.hoptrace.lab;

import static dev.hoptrace.lab.AddressPlan.Side.FAR;
import static dev.hoptrace.lab.AddressPlan.Side.NEAR;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that turn a {@link LinearPath} into namespaces. Link {@code i} joins the nodes at
 * positions {@code i-1} (near end) and {@code i} (far end); see {@link AddressPlan}.
 */
final class LinearPathSetup {
  private static final String ALL_GROUPS = "0 2147483647";
  private static final String NO_GROUPS = "1 0";
  private static final Duration LINK_LOCAL_WAIT = Duration.ofSeconds(10);

  private final Lab lab;
  private final LinearPath plan;

  LinearPathSetup(Lab lab) {
    this.lab = lab;
    this.plan = lab.plan();
  }

  void build() {
    List<Node> nodes = lab.nodes();
    Namespaces.create(nodes.stream().map(Node::namespace).toList());
    // Sysctls first: accept_dad=0 must be the default before the veths appear.
    for (Node node : nodes) {
      lab.exec(node, Commands.SETUP_TIMEOUT, sysctls(node)).orThrow();
    }
    Namespaces.batch(links()).orThrow();
    for (Node node : nodes) {
      Namespaces.batchIn(node.namespace(), addressesAndRoutes(node)).orThrow();
    }
    for (Node node : nodes) {
      lab.exec(node, Commands.SETUP_TIMEOUT, "sh", "-c", finalChecksums(node)).orThrow();
    }
    awaitLinkLocalAddresses(nodes);
    for (Node router : lab.routers()) {
      RouterBehaviour behaviour = plan.behaviour(router.position());
      if (!(behaviour instanceof RouterBehaviour.Answering)) {
        lab.applyRules(router, behaviour);
      }
    }
    NamespaceFiles.write(lab.client().namespace(), hostsFile());
  }

  /**
   * Turns off transmit checksum offload on the node's veths. A veth hands a locally sent packet
   * to the peer namespace with its checksum still partial (only the pseudo-header summed), so
   * routers would quote probes with checksums no real wire carries; a tracer that identifies
   * probes by checksum would then fail here but not on a real network.
   */
  private String finalChecksums(Node node) {
    List<String> commands = new ArrayList<>();
    int p = node.position();
    if (p >= 1) {
      commands.add("ethtool -K " + Node.interfaceName(p) + " tx off >/dev/null");
    }
    if (p <= plan.routers()) {
      commands.add("ethtool -K " + Node.interfaceName(p + 1) + " tx off >/dev/null");
    }
    return String.join(" && ", commands);
  }

  /**
   * Waits until every link has its IPv6 link-local address. The kernel adds it only once the
   * veth's carrier change has gone through linkwatch (up to a second later); until then a
   * neighbour solicitation has no source address, resolution fails, and the first IPv6 packets
   * over that link are lost.
   */
  private void awaitLinkLocalAddresses(List<Node> nodes) {
    long deadline = System.nanoTime() + LINK_LOCAL_WAIT.toNanos();
    for (Node node : nodes) {
      int links = node.role() == Node.Role.ROUTER ? 2 : 1;
      while (true) {
        String shown = Commands.run(List.of("ip", "-n", node.namespace(), "-6", "-o", "address",
            "show", "scope", "link"), Commands.SETUP_TIMEOUT).orThrow().stdout();
        long ready = shown.lines().filter(l -> !l.contains("tentative")).count();
        if (ready >= links) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new LabException("no IPv6 link-local address on every link of " + node
              + " after " + LINK_LOCAL_WAIT.toMillis() + " ms:\n" + shown);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LabException("interrupted while waiting for " + node, e);
        }
      }
    }
  }

  private String[] sysctls(Node node) {
    List<String> cmd = new ArrayList<>(List.of("sysctl", "-q", "-w",
        // Rate limits off: every probe that expires or arrives must be answered (§14).
        "net.ipv4.icmp_ratelimit=0",
        "net.ipv6.icmp.ratelimit=0",
        "net.ipv4.icmp_msgs_per_sec=100000",
        "net.ipv4.icmp_msgs_burst=100000",
        // IPv6 addresses usable at once: no duplicate address detection, no autoconfiguration.
        "net.ipv6.conf.all.accept_dad=0",
        "net.ipv6.conf.default.accept_dad=0",
        "net.ipv6.conf.default.accept_ra=0",
        "net.ipv6.conf.default.autoconf=0",
        "net.ipv4.conf.all.rp_filter=0",
        "net.ipv4.conf.default.rp_filter=0"));
    switch (node.role()) {
      case ROUTER -> {
        cmd.add("net.ipv4.ip_forward=1");
        cmd.add("net.ipv6.conf.all.forwarding=1");
      }
      case CLIENT -> cmd.add("net.ipv4.ping_group_range="
          + (plan.pingGroupOpen() ? ALL_GROUPS : NO_GROUPS));
      case DESTINATION -> { }
    }
    return cmd.toArray(String[]::new);
  }

  /** One veth pair per link, each end created directly inside its namespace. */
  private List<String> links() {
    List<Node> nodes = lab.nodes();
    List<String> lines = new ArrayList<>();
    for (int link = 1; link <= plan.links(); link++) {
      String name = Node.interfaceName(link);
      lines.add("link add " + name + " netns " + nodes.get(link - 1).namespace()
          + " type veth peer name " + name + " netns " + nodes.get(link).namespace());
    }
    return lines;
  }

  private List<String> addressesAndRoutes(Node node) {
    List<String> lines = new ArrayList<>(List.of("link set lo up"));
    int p = node.position();
    if (p >= 1) {
      addInterface(lines, p, FAR);
    }
    if (p <= plan.routers()) {
      addInterface(lines, p + 1, NEAR);
    }
    for (IpFamily family : IpFamily.values()) {
      switch (node.role()) {
        // End hosts send only the lab ranges into the lab: no default route, nothing else.
        case CLIENT -> lines.add("route add " + AddressPlan.labRange(family) + " via "
            + AddressPlan.address(1, FAR, family).getHostAddress());
        case DESTINATION -> lines.add("route add " + AddressPlan.labRange(family) + " via "
            + AddressPlan.address(p, NEAR, family).getHostAddress());
        case ROUTER -> {
          for (int link = 1; link <= plan.links(); link++) {
            if (link == p || link == p + 1) {
              continue; // connected
            }
            String via = link > p
                ? AddressPlan.address(p + 1, FAR, family).getHostAddress()
                : AddressPlan.address(p, NEAR, family).getHostAddress();
            lines.add("route add " + AddressPlan.subnet(link, family) + " via " + via);
          }
        }
      }
    }
    return lines;
  }

  private static void addInterface(List<String> lines, int link, AddressPlan.Side side) {
    String dev = Node.interfaceName(link);
    lines.add("address add " + AddressPlan.cidr(link, side, IpFamily.IPV4) + " dev " + dev);
    lines.add("address add " + AddressPlan.cidr(link, side, IpFamily.IPV6) + " dev " + dev
        + " nodad");
    lines.add("link set " + dev + " up");
  }

  private String hostsFile() {
    StringBuilder hosts = new StringBuilder();
    for (IpFamily family : IpFamily.values()) {
      String dst = lab.destinationAddress(family).getHostAddress();
      hosts.append(dst).append(' ').append(lab.destinationName()).append(' ')
          .append(family == IpFamily.IPV4 ? "dst4." : "dst6.").append(Lab.DOMAIN).append('\n');
      for (Node router : lab.routers()) {
        hosts.append(lab.hopAddress(router.position(), family).getHostAddress()).append(" r")
            .append(router.position()).append('.').append(Lab.DOMAIN).append('\n');
      }
    }
    return hosts.toString();
  }
}
