package dev.hoptrace.scenario;

import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import dev.hoptrace.scenario.DestinationBehaviour.TcpAnswer;
import dev.hoptrace.scenario.DestinationBehaviour.UdpAnswer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the YAML scenario format described in docs/scenarios.md. */
public final class ScenarioReader {
  private static final Set<String> TOP = Set.of("name", "description", "seed", "family", "nodes", "links",
      "kernel-icmp");
  private static final Set<String> NODE = Set.of("name", "role", "icmp", "reply-from", "mpls", "nat",
      "balance", "filter", "udp", "tcp", "prefix", "hosts", "quote");
  private static final Set<String> LINK = Set.of("between", "delay", "jitter", "loss", "mtu", "cost");
  /** Router keys for path anatomy: re-marking and RFC 5837 interface information. */
  private static final Set<String> ANATOMY = Set.of("dscp", "interfaces");

  private ScenarioReader() {}

  /**
   * @param source the file name, for messages
   * @throws ScenarioException naming the file and the place in it that is wrong
   */
  public static Scenario read(String text, String source) {
    Object document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit(1 << 20);
      document = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new ScenarioException(source + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    try {
      return scenario(new YamlNode(source, document));
    } catch (ScenarioException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(source + ": " + e.getMessage());
    }
  }

  private static Scenario scenario(YamlNode root) {
    Map<String, YamlNode> top = root.map(TOP);
    String name = required(root, top, "name").text();
    String description = top.containsKey("description") ? top.get("description").text() : "";
    long seed = top.containsKey("seed") ? top.get("seed").integer(0, Long.MAX_VALUE) : 1;
    Scenario.Family family = top.containsKey("family")
        ? top.get("family").choice(Scenario.Family.class,
            Map.of("ipv4", Scenario.Family.IPV4, "ipv6", Scenario.Family.IPV6, "dual", Scenario.Family.DUAL))
        : Scenario.Family.DUAL;
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (YamlNode item : required(root, top, "nodes").list()) {
      Node node = node(item);
      if (nodes.put(node.name(), node) != null) {
        throw item.error("a second node named '" + node.name() + "'");
      }
    }
    List<Link> links = new ArrayList<>();
    for (YamlNode item : required(root, top, "links").list()) {
      links.add(link(item, links.size() + 1));
    }
    KernelIcmpBudget kernelIcmp = KernelIcmpBudget.DEFAULT;
    if (top.containsKey("kernel-icmp")) {
      YamlNode budget = top.get("kernel-icmp");
      Map<String, YamlNode> b = budget.map(Set.of("per-second", "burst"));
      long perSecond = required(budget, b, "per-second").integer(1, KernelIcmpBudget.MAX);
      long burst = b.containsKey("burst") ? b.get("burst").integer(1, KernelIcmpBudget.MAX)
          : perSecond;
      kernelIcmp = new KernelIcmpBudget(perSecond, burst);
    }
    return new Scenario(name, description, seed, family, nodes, links, kernelIcmp);
  }

  private static YamlNode required(YamlNode parent, Map<String, YamlNode> members, String key) {
    YamlNode node = members.get(key);
    if (node == null) {
      throw parent.error("missing '" + key + "'");
    }
    return node;
  }

  private static Node node(YamlNode item) {
    Map<String, YamlNode> m = item.map(union(NODE, ANATOMY));
    String name = required(item, m, "name").text();
    String role = m.containsKey("role") ? m.get("role").text() : "router";
    try {
      return switch (role) {
        case "client" -> only(item, m, Set.of("name", "role"), Node.client(name));
        case "destination" -> only(item, m, Set.of("name", "role", "icmp", "udp", "tcp", "prefix",
            "hosts"), Node.destination(name, destination(m)).withOwned(owned(item, m)));
        case "router" -> only(item, m, Set.of("name", "role", "icmp", "reply-from", "mpls", "nat",
            "balance", "filter", "prefix", "hosts", "quote"),
            Node.router(name, router(m)).withOwned(owned(item, m)));
        default -> throw m.get("role").error("expected client, router or destination, got '" + role + "'");
      };
    } catch (ScenarioException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw item.error(e.getMessage());
    }
  }

  private static Node only(YamlNode item, Map<String, YamlNode> m, Set<String> allowed, Node node) {
    for (String key : m.keySet()) {
      if (!allowed.contains(key) && !(node.role() == Node.Role.ROUTER && ANATOMY.contains(key))) {
        throw item.error("'" + key + "' does not apply to a " + node.role().name().toLowerCase());
      }
    }
    return node;
  }

  /** {@code prefix: CIDR} or {@code prefix: [CIDR, ...]}, and {@code hosts} for all of them. */
  private static OwnedPrefixes owned(YamlNode item, Map<String, YamlNode> m) {
    if (!m.containsKey("prefix")) {
      if (m.containsKey("hosts")) {
        throw m.get("hosts").error("'hosts' says how the addresses of 'prefix' answer, and there is"
            + " no 'prefix'");
      }
      return OwnedPrefixes.NONE;
    }
    YamlNode given = m.get("prefix");
    List<YamlNode> items = given.value instanceof List<?> ? given.list() : List.of(given);
    if (items.isEmpty()) {
      throw given.error("expected one or more prefixes such as 198.19.16.0/20");
    }
    List<Prefix> prefixes = new ArrayList<>();
    for (YamlNode p : items) {
      try {
        prefixes.add(Prefix.parse(p.text()));
      } catch (IllegalArgumentException e) {
        throw p.error(e.getMessage());
      }
    }
    OwnedPrefixes.Hosts hosts = m.containsKey("hosts")
        ? m.get("hosts").choice(OwnedPrefixes.Hosts.class, Map.of("answer", OwnedPrefixes.Hosts.ANSWER,
            "silent", OwnedPrefixes.Hosts.SILENT, "unreachable", OwnedPrefixes.Hosts.UNREACHABLE))
        : OwnedPrefixes.Hosts.ANSWER;
    return new OwnedPrefixes(prefixes, hosts);
  }

  private static RouterBehaviour router(Map<String, YamlNode> m) {
    RouterBehaviour d = RouterBehaviour.DEFAULT;
    IcmpPolicy icmp = m.containsKey("icmp") ? icmp(m.get("icmp")) : d.icmp();
    Optional<Inet4Address> fromV4 = Optional.empty();
    Optional<Inet6Address> fromV6 = Optional.empty();
    if (m.containsKey("reply-from")) {
      Map<String, YamlNode> from = m.get("reply-from").map(Set.of("ipv4", "ipv6"));
      if (from.containsKey("ipv4")) {
        fromV4 = Optional.of(literal(from.get("ipv4"), Inet4Address.class));
      }
      if (from.containsKey("ipv6")) {
        fromV6 = Optional.of(literal(from.get("ipv6"), Inet6Address.class));
      }
    }
    List<MplsLabelStackEntry> mpls = new ArrayList<>();
    if (m.containsKey("mpls")) {
      List<YamlNode> entries = m.get("mpls").list();
      for (int i = 0; i < entries.size(); i++) {
        mpls.add(label(entries.get(i), i == entries.size() - 1));
      }
    }
    RouterBehaviour.Nat nat = m.containsKey("nat")
        ? m.get("nat").choice(RouterBehaviour.Nat.class, Map.of(
            "masquerade", RouterBehaviour.Nat.MASQUERADE,
            "stateless", RouterBehaviour.Nat.STATELESS))
        : d.nat();
    OptionalInt dscp = m.containsKey("dscp")
        ? OptionalInt.of((int) m.get("dscp").integer(0, 63)) : d.dscp();
    List<InterfaceInformation> interfaces = new ArrayList<>();
    if (m.containsKey("interfaces")) {
      for (YamlNode entry : m.get("interfaces").list()) {
        interfaces.add(interfaceInformation(entry));
      }
    }
    RouterBehaviour.Balancing balance = m.containsKey("balance")
        ? m.get("balance").choice(RouterBehaviour.Balancing.class, Map.of(
            "per-flow", RouterBehaviour.Balancing.PER_FLOW, "per-packet", RouterBehaviour.Balancing.PER_PACKET))
        : d.balancing();
    Filter filter = m.containsKey("filter") ? filter(m.get("filter")) : d.filter();
    int quote = RouterBehaviour.FULL_QUOTE;
    if (m.containsKey("quote")) {
      String text = m.get("quote").text();
      try {
        quote = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw m.get("quote").error("expected how many bytes past the IP header the router quotes,"
            + " such as 8, got '" + text + "'");
      }
      if (quote < 8 || quote > 1232) {
        throw m.get("quote").error("a router quotes 8 to 1232 bytes past the IP header, got "
            + quote);
      }
    }
    return new RouterBehaviour(icmp, fromV4, fromV6, mpls, nat, balance, filter, dscp, interfaces,
        quote);
  }

  private static IcmpPolicy icmp(YamlNode node) {
    if (node.isMap()) {
      Map<String, YamlNode> limit = node.map(Set.of("rate", "burst"));
      double rate = required(node, limit, "rate").ratePerSecond();
      int burst = limit.containsKey("burst") ? (int) limit.get("burst").integer(1, 10_000) : 1;
      return IcmpPolicy.rateLimited(rate, burst);
    }
    return switch (node.text()) {
      case "answer" -> IcmpPolicy.ANSWER;
      case "silent" -> IcmpPolicy.SILENT;
      default -> throw node.error("expected answer, silent or {rate: N/s, burst: B}");
    };
  }

  /** One RFC 5837 object: {role (incoming), ifindex, address, name, mtu}, at least one given. */
  private static InterfaceInformation interfaceInformation(YamlNode node) {
    Map<String, YamlNode> e = node.map(Set.of("role", "ifindex", "address", "name", "mtu"));
    int role = e.containsKey("role") ? switch (e.get("role").text()) {
      case "incoming" -> 0;
      case "sub-ip" -> 1;
      case "outgoing" -> 2;
      case "next-hop" -> 3;
      default -> throw e.get("role").error("expected incoming, sub-ip, outgoing or next-hop");
    } : 0;
    OptionalInt ifIndex = e.containsKey("ifindex")
        ? OptionalInt.of((int) e.get("ifindex").integer(0, Integer.MAX_VALUE))
        : OptionalInt.empty();
    Optional<InetAddress> address = e.containsKey("address")
        ? Optional.of(literal(e.get("address"), InetAddress.class)) : Optional.empty();
    Optional<String> name = Optional.empty();
    if (e.containsKey("name")) {
      String text = e.get("name").text();
      if (text.isEmpty() || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
        throw e.get("name").error("an interface name is 1-63 bytes of UTF-8 (RFC 5837 §4.5)");
      }
      name = Optional.of(text);
    }
    OptionalInt mtu = e.containsKey("mtu")
        ? OptionalInt.of((int) e.get("mtu").integer(0, Integer.MAX_VALUE)) : OptionalInt.empty();
    if (ifIndex.isEmpty() && address.isEmpty() && name.isEmpty() && mtu.isEmpty()) {
      throw node.error("an interface needs ifindex, address, name or mtu");
    }
    return new InterfaceInformation(role, ifIndex, address, name, mtu);
  }

  private static MplsLabelStackEntry label(YamlNode node, boolean last) {
    Map<String, YamlNode> e = node.map(Set.of("label", "tc", "s", "ttl"));
    int label = (int) required(node, e, "label").integer(0, (1 << 20) - 1);
    int tc = e.containsKey("tc") ? (int) e.get("tc").integer(0, 7) : 0;
    boolean s = e.containsKey("s") ? Boolean.parseBoolean(e.get("s").text()) : last;
    int ttl = e.containsKey("ttl") ? (int) e.get("ttl").integer(0, 255) : 1;
    return new MplsLabelStackEntry(label, tc, s, ttl);
  }

  private static Filter filter(YamlNode node) {
    return switch (node.text()) {
      case "drop" -> Filter.DROP;
      case "reject-net" -> Filter.reject(Unreachable.NET);
      case "reject-host" -> Filter.reject(Unreachable.HOST);
      case "reject-admin" -> Filter.reject(Unreachable.ADMIN);
      default -> throw node.error("expected drop, reject-net, reject-host or reject-admin");
    };
  }

  private static DestinationBehaviour destination(Map<String, YamlNode> m) {
    DestinationBehaviour d = DestinationBehaviour.DEFAULT;
    UdpAnswer udp = m.containsKey("udp") ? m.get("udp").choice(UdpAnswer.class, Map.of(
        "unreachable", UdpAnswer.PORT_UNREACHABLE, "silent", UdpAnswer.SILENT,
        "prohibited", UdpAnswer.ADMIN_PROHIBITED)) : d.udp();
    boolean icmp = true;
    if (m.containsKey("icmp")) {
      icmp = switch (m.get("icmp").text()) {
        case "echo" -> true;
        case "silent" -> false;
        default -> throw m.get("icmp").error("expected echo or silent");
      };
    }
    TcpAnswer tcpDefault = d.tcpDefault();
    Map<Integer, TcpAnswer> ports = new HashMap<>();
    if (m.containsKey("tcp")) {
      YamlNode tcp = m.get("tcp");
      if (tcp.isMap()) {
        Map<String, YamlNode> t = tcp.map(Set.of("default", "open", "refused", "silent"));
        if (t.containsKey("default")) {
          tcpDefault = tcpAnswer(t.get("default"));
        }
        for (String kind : List.of("open", "refused", "silent")) {
          if (t.containsKey(kind)) {
            for (YamlNode port : t.get(kind).list()) {
              ports.put((int) port.integer(1, 65535), TcpAnswer.valueOf(kind.toUpperCase()));
            }
          }
        }
      } else {
        tcpDefault = tcpAnswer(tcp);
      }
    }
    return new DestinationBehaviour(udp, icmp, tcpDefault, ports);
  }

  private static TcpAnswer tcpAnswer(YamlNode node) {
    return node.choice(TcpAnswer.class,
        Map.of("open", TcpAnswer.OPEN, "refused", TcpAnswer.REFUSED, "silent", TcpAnswer.SILENT));
  }

  private static Link link(YamlNode item, int index) {
    Map<String, YamlNode> m;
    String between;
    if (item.isMap()) {
      m = item.map(LINK);
      between = required(item, m, "between").text();
    } else {
      m = Map.of();
      between = item.text();
    }
    String[] ends = between.split("\\s*--\\s*");
    if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
      throw item.error("a link is written 'a -- b', got '" + between + "'");
    }
    Duration delay = m.containsKey("delay") ? m.get("delay").duration() : Duration.ZERO;
    Duration jitter = m.containsKey("jitter") ? m.get("jitter").duration() : Duration.ZERO;
    double loss = m.containsKey("loss") ? m.get("loss").fraction() : 0;
    int mtu = m.containsKey("mtu") ? (int) m.get("mtu").integer(0, 1 << 16) : Link.DEFAULT_MTU;
    int cost = m.containsKey("cost") ? (int) m.get("cost").integer(1, Link.MAX_COST) : 1;
    try {
      return new Link(index, ends[0].trim(), ends[1].trim(), delay, jitter, loss, mtu, cost);
    } catch (IllegalArgumentException e) {
      throw item.error(e.getMessage());
    }
  }

  private static <T extends InetAddress> T literal(YamlNode node, Class<T> type) {
    String text = node.text();
    boolean looksNumeric = text.indexOf(':') >= 0 || text.matches("[0-9.]+");
    try {
      InetAddress a = looksNumeric ? InetAddress.getByName(text) : null;
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    } catch (java.net.UnknownHostException e) {
      // reported below
    }
    String family = type == Inet4Address.class ? "an IPv4" : type == Inet6Address.class
        ? "an IPv6" : "an IP";
    throw node.error("expected " + family + " address, got '" + text + "'");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
