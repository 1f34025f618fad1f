package dev.hoptrace.cli.scenario;

import dev.hoptrace.lookup.dns.ReverseResolver;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reverse names inside a scenario: every address of a node is named after the node, so a trace
 * through {@code home-isp-cdn} reads {@code pe1 (198.18.4.2)} without any DNS server.
 */
public final class ScenarioNames implements ReverseResolver {
  private final Map<InetAddress, String> names = new HashMap<>();

  public ScenarioNames(Scenario scenario) {
    for (Link link : scenario.links()) {
      for (String node : new String[] {link.a(), link.b()}) {
        names.put(AddressPlan.ipv4(link, node), node);
        names.put(AddressPlan.ipv6(link, node), node);
      }
    }
    for (Node node : scenario.nodes().values()) {
      node.router().replyFromV4().ifPresent(a -> names.put(a, node.name()));
      node.router().replyFromV6().ifPresent(a -> names.put(a, node.name()));
    }
  }

  @Override
  public CompletableFuture<Optional<String>> lookup(InetAddress address) {
    return CompletableFuture.completedFuture(Optional.ofNullable(names.get(address)));
  }

  /** The address a node name stands for: the destination's (or a router's first) link address. */
  public static Optional<InetAddress> address(Scenario scenario, String nodeName, boolean ipv6) {
    Node node = scenario.nodes().get(nodeName);
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(AddressPlan.of(scenario.linksOf(node.name()).getFirst(), node.name(), ipv6));
  }
}
