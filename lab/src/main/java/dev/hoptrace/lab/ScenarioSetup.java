package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The commands that turn a {@link Scenario} into namespaces: one per node, one veth pair (or
 * emulated link) per link named {@code link<i>} at both ends, addresses from the scenario's
 * address plan, routes from its {@link dev.hoptrace.scenario.Routes}, sysctls, nft rules, and a
 * listener for the destination's open TCP ports.
 */
final class ScenarioSetup {
  private static final String ALL_GROUPS = "0 2147483647";
  private static final String NO_GROUPS = "1 0";
  private static final Duration LINK_LOCAL_WAIT = Duration.ofSeconds(10);
  /** Source and destination address, protocol, source and destination port. */
  static final String HASH_FIELDS_V4 = "0x0037";
  /** The same and the flow label. */
  static final String HASH_FIELDS_V6 = "0x003f";

  private final Lab lab;
  private final Scenario scenario;
  private final ScenarioRoutes routes;
  private final List<IpFamily> families;

  ScenarioSetup(Lab lab) {
    this.lab = lab;
    this.scenario = lab.scenario();
    this.routes = new ScenarioRoutes(scenario);
    this.families = lab.families();
  }

  void build(EmulatedLinkFactory emulator, boolean pingGroupOpen) {
    List<Node> nodes = lab.nodes();
    Namespaces.create(nodes.stream().map(Node::namespace).toList());
    // Sysctls first: accept_dad=0 must be the default before the interfaces appear.
    for (Node node : nodes) {
      lab.exec(node, Commands.SETUP_TIMEOUT, sysctls(node, pingGroupOpen)).orThrow();
    }
    List<String> veths = new ArrayList<>();
    for (Link link : scenario.links()) {
      if (!EmulatedLinks.needsEmulator(scenario, link)) {
        String dev = Node.interfaceName(link.index());
        veths.add("link add " + dev + " netns " + namespace(link.a()) + " mtu " + link.mtu()
            + " type veth peer name " + dev + " netns " + namespace(link.b()) + " mtu "
            + link.mtu());
      }
    }
    Namespaces.batch(veths).orThrow();
    for (EmulatedPath path : EmulatedLinks.paths(scenario)) {
      lab.own(emulator.create(scenario, path, namespace(path.endA()), namespace(path.endB())));
    }
    // Every interface up with its addresses before any route names a gateway behind one.
    for (Node node : nodes) {
      Namespaces.batchIn(node.namespace(), addresses(node)).orThrow();
    }
    for (Node node : nodes) {
      for (IpFamily family : families) {
        List<String> lines = new ArrayList<>(routes.routes(node.name(), family));
        lines.addAll(routes.rules(node.name()));
        Commands.run(List.of("ip", family.flag(), "-n", node.namespace(), "-batch", "-"),
            String.join("\n", lines) + "\n", Commands.SETUP_TIMEOUT, null).orThrow();
      }
      lab.exec(node, Commands.SETUP_TIMEOUT, "sh", "-c", finalChecksums(node)).orThrow();
    }
    if (families.contains(IpFamily.IPV6)) {
      awaitLinkLocalAddresses(nodes);
    }
    for (Node node : nodes) {
      lab.applyRules(node);
    }
    Set<Integer> open = DestinationRules.listenerPorts(scenario.destination().destination());
    if (!open.isEmpty()) {
      lab.own(PortListener.start(lab.destination().namespace(), open));
    }
    NamespaceFiles.write(lab.client().namespace(), hostsFile());
  }

  private String namespace(String node) {
    return lab.node(node).namespace();
  }

  /** The node's addresses; on an emulated link's TUN device exactly as on a veth. */
  private List<String> addresses(Node node) {
    List<String> lines = new ArrayList<>(List.of("link set lo up"));
    for (Link link : scenario.linksOf(node.name())) {
      String dev = Node.interfaceName(link.index());
      for (IpFamily family : families) {
        lines.add("address add " + LinkAddresses.cidr(link, node.name(), family) + " dev " + dev
            + (family == IpFamily.IPV6 ? " nodad" : ""));
      }
      lines.add("link set " + dev + " up");
    }
    for (IpFamily family : families) {
      ScenarioRoutes.replyFrom(scenario.node(node.name()), family).ifPresent(from ->
          lines.add("address add " + LinkAddresses.host(from) + " dev lo"));
    }
    if (scenario.node(node.name()).owned().hosts()
        == dev.hoptrace.scenario.OwnedPrefixes.Hosts.UNREACHABLE) {
      // Where a prefix of unreachable hosts is routed: a veth whose peer has no address.
      lines.add("link add " + ScenarioRoutes.NOWHERE + " type veth peer name "
          + ScenarioRoutes.NOWHERE + "1");
      lines.add("link set " + ScenarioRoutes.NOWHERE + " up");
      lines.add("link set " + ScenarioRoutes.NOWHERE + "1 up");
    }
    return lines;
  }

  /**
   * Turns off transmit checksum offload on the node's veths. A veth hands a locally sent packet
   * to the peer namespace with its checksum still partial (only the pseudo-header summed), so
   * routers would quote probes with checksums no real wire carries; a tracer that identifies
   * probes by checksum would then fail here but not on a real network.
   */
  private String finalChecksums(Node node) {
    List<String> commands = new ArrayList<>(List.of("true"));
    for (Link link : scenario.linksOf(node.name())) {
      if (!EmulatedLinks.needsEmulator(scenario, link)) {
        commands.add("ethtool -K " + Node.interfaceName(link.index()) + " tx off >/dev/null");
      }
    }
    return String.join(" && ", commands);
  }

  /**
   * Waits until every veth has its IPv6 link-local address. The kernel adds it only once the
   * veth's carrier change has gone through linkwatch (up to a second later); until then a
   * neighbour solicitation has no source address, resolution fails, and the first IPv6 packets
   * over that link are lost. Emulated links are TUN devices: no neighbour discovery, and the
   * emulator gives them no link-local address (so no chatter on the link).
   */
  private void awaitLinkLocalAddresses(List<Node> nodes) {
    long deadline = System.nanoTime() + LINK_LOCAL_WAIT.toNanos();
    for (Node node : nodes) {
      long links = scenario.linksOf(node.name()).stream()
          .filter(l -> !EmulatedLinks.needsEmulator(scenario, l)).count();
      while (true) {
        String shown = Commands.run(List.of("ip", "-n", node.namespace(), "-6", "-o", "address",
            "show", "scope", "link"), Commands.SETUP_TIMEOUT).orThrow().stdout();
        if (shown.lines().filter(l -> !l.contains("tentative")).count() >= links) {
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

  /** The per-namespace multipath hash seed (Linux 6.11 on); absent before, and then not set. */
  private static final Path HASH_SEED = Path.of("/proc/sys/net/ipv4/fib_multipath_hash_seed");

  /** A nonzero seed per router, fixed by the scenario's seed and the router's name. */
  private long hashSeed(Node node) {
    long z = scenario.seed() * 0x9e3779b97f4a7c15L + node.name().hashCode();
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return ((z ^ (z >>> 31)) & 0xffffffffL) | 1;
  }

  private String[] sysctls(Node node, boolean pingGroupOpen) {
    List<String> cmd = new ArrayList<>(List.of("sysctl", "-q", "-w",
        // Kernel rate limits off: every probe that expires or arrives is answered unless the
        // scenario's own limit (nft, exact and per node) says otherwise.
        "net.ipv4.icmp_ratelimit=0",
        "net.ipv6.icmp.ratelimit=0",
        // The global budget (per namespace, ICMP and ICMPv6 alike) as the scenario sets it.
        "net.ipv4.icmp_msgs_per_sec=" + scenario.kernelIcmp().perSecond(),
        "net.ipv4.icmp_msgs_burst=" + scenario.kernelIcmp().burst(),
        // IPv6 addresses usable at once: no duplicate address detection, no autoconfiguration.
        "net.ipv6.conf.all.accept_dad=0",
        "net.ipv6.conf.default.accept_dad=0",
        "net.ipv6.conf.default.accept_ra=0",
        "net.ipv6.conf.default.autoconf=0",
        // Balanced paths are asymmetric: a reply may come back over another link.
        "net.ipv4.conf.all.rp_filter=0",
        "net.ipv4.conf.default.rp_filter=0"));
    switch (node.role()) {
      case ROUTER -> {
        cmd.add("net.ipv4.ip_forward=1");
        cmd.add("net.ipv6.conf.all.forwarding=1");
        // Per-flow ECMP hashes addresses, protocol and ports (L4), as load balancers do.
        // Policy 3 (custom fields) rather than 1 (L4): policy 1 reuses the hash the sending
        // socket put on the skb, which a veth carries along, so "per flow" would be per socket.
        // IPv6 hashes the flow label too (0x0008), as the scenario format says.
        cmd.add("net.ipv4.fib_multipath_hash_policy=3");
        cmd.add("net.ipv4.fib_multipath_hash_fields=" + HASH_FIELDS_V4);
        cmd.add("net.ipv6.fib_multipath_hash_policy=3");
        cmd.add("net.ipv6.fib_multipath_hash_fields=" + HASH_FIELDS_V6);
        // Each router its own hash seed (both families), as real balancers are seeded: with the
        // kernel's one default seed, the flows r1 sends to r2a would hash alike again at r2a and
        // all take one of its next hops (a nested diamond would show one path per branch).
        if (Files.exists(HASH_SEED)) {
          cmd.add("net.ipv4.fib_multipath_hash_seed=" + hashSeed(node));
        }
        // A router answers from the interface the probe came in on (the scenario format's
        // rule); IPv6 does so by itself, see RouterRules.sourceAddress.
        cmd.add("net.ipv4.icmp_errors_use_inbound_ifaddr=1");
      }
      case CLIENT -> cmd.add("net.ipv4.ping_group_range="
          + (pingGroupOpen ? ALL_GROUPS : NO_GROUPS));
      case DESTINATION -> { }
    }
    return cmd.toArray(String[]::new);
  }

  private String hostsFile() {
    StringBuilder hosts = new StringBuilder();
    HopPlan plan = lab.hopPlan();
    for (IpFamily family : families) {
      String dst = AddressText.of(lab.destinationAddress(family));
      hosts.append(dst).append(' ').append(lab.destinationName()).append(' ')
          .append(family == IpFamily.IPV4 ? "dst4." : "dst6.").append(Lab.DOMAIN).append('\n');
      for (int ttl = 1; ttl < plan.destinationTtl(); ttl++) {
        int previous = ttl - 1;
        for (String router : plan.nodes(ttl)) {
          Link toward = scenario.linksOf(router).stream()
              .filter(l -> routes.distance(l.other(router), scenario.client().name()) == previous)
              .findFirst().orElseThrow();
          InetAddress own = ScenarioRoutes.replyFrom(scenario.node(router), family)
              .map(InetAddress.class::cast).orElse(LinkAddresses.of(toward, router, family));
          hosts.append(AddressText.of(own)).append(' ').append(router).append('.')
              .append(Lab.DOMAIN).append('\n');
        }
      }
    }
    return hosts.toString();
  }
}
