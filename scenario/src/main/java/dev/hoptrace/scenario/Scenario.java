package dev.hoptrace.scenario;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network to trace through, described once and built twice: as network namespaces by the lab
 * and in virtual time by the simulator. Validated on construction: exactly one client and one
 * destination, every link between known nodes, the destination reachable from the client.
 *
 * @param name short identifier (file name without {@code .yaml} in the library)
 * @param description one sentence for {@code hoptrace demo --list}
 * @param seed seeds every random choice of the simulator (jitter, loss, hashing)
 * @param family which address families the network carries
 * @param nodes by name, in file order
 * @param links in file order; a link's index (1-based) decides its addresses
 * @param kernelIcmp the ICMP error budget of every node's kernel in the lab
 */
public record Scenario(
    String name, String description, long seed, Family family, Map<String, Node> nodes,
    List<Link> links, KernelIcmpBudget kernelIcmp) {

  /** Address families a scenario carries. */
  public enum Family {
    IPV4, IPV6, DUAL;

    public boolean ipv4() {
      return this != IPV6;
    }

    public boolean ipv6() {
      return this != IPV4;
    }
  }

  public Scenario {
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    links = List.copyOf(links);
    java.util.Objects.requireNonNull(kernelIcmp, "kernelIcmp");
    ScenarioChecks.check(name, nodes, links);
    PrefixChecks.check(name, family, nodes, links);
  }

  /** A scenario with the lab's default kernel ICMP budget. */
  public Scenario(String name, String description, long seed, Family family,
      Map<String, Node> nodes, List<Link> links) {
    this(name, description, seed, family, nodes, links, KernelIcmpBudget.DEFAULT);
  }

  /** The same scenario with {@code node} in place of the node of that name. */
  public Scenario with(Node node) {
    node(node.name());
    Map<String, Node> changed = new java.util.LinkedHashMap<>(nodes);
    changed.put(node.name(), node);
    return new Scenario(name, description, seed, family, changed, links, kernelIcmp);
  }

  /** The node owning a prefix that holds {@code address}, if any (link addresses aside). */
  public Optional<Node> prefixOwner(InetAddress address) {
    return nodes.values().stream().filter(n -> n.owned().contains(address)).findFirst();
  }

  public Node client() {
    return only(Node.Role.CLIENT);
  }

  public Node destination() {
    return only(Node.Role.DESTINATION);
  }

  public Node node(String nodeName) {
    Node node = nodes.get(nodeName);
    if (node == null) {
      throw new IllegalArgumentException("scenario " + name + " has no node '" + nodeName + "'");
    }
    return node;
  }

  /** The links that touch {@code nodeName}, in file order. */
  public List<Link> linksOf(String nodeName) {
    return links.stream().filter(l -> l.touches(nodeName)).toList();
  }

  public Optional<Link> linkBetween(String a, String b) {
    return links.stream().filter(l -> l.touches(a) && l.touches(b)).findFirst();
  }

  private Node only(Node.Role role) {
    return nodes.values().stream().filter(n -> n.role() == role).findFirst().orElseThrow();
  }
}
