package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Routes;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a trace through a scenario should show: the nodes a probe with TTL {@code t} can expire
 * on (several where routers balance), and the addresses they answer from. A router answers
 * from its address on the link the probe came in on, or from its reply-from address.
 */
public final class HopPlan {
  /** Per TTL (index t-1): node name to the links probes reach it over. */
  private final List<Map<String, Set<Link>>> hops = new ArrayList<>();
  private final Scenario scenario;

  public HopPlan(Scenario scenario) {
    this.scenario = scenario;
    Routes routes = Routes.of(scenario);
    Set<String> frontier = Set.of(scenario.client().name());
    String destination = scenario.destination().name();
    while (!frontier.contains(destination) && hops.size() < scenario.nodes().size()) {
      Map<String, Set<Link>> next = new LinkedHashMap<>();
      for (String from : frontier) {
        for (String to : routes.nextHopsToDestination(from)) {
          next.computeIfAbsent(to, k -> new LinkedHashSet<>())
              .add(scenario.linkBetween(from, to).orElseThrow());
        }
      }
      hops.add(next);
      frontier = next.keySet();
    }
  }

  /** The TTL at which probes reach the destination: the number of hops of the path. */
  public int destinationTtl() {
    return hops.size();
  }

  /** The names of the nodes a probe with {@code ttl} can reach last. */
  public Set<String> nodes(int ttl) {
    return hop(ttl).keySet();
  }

  /** Every address hop {@code ttl} can answer from, in link order. */
  public Set<InetAddress> addresses(int ttl, IpFamily family) {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    hop(ttl).forEach((node, links) -> {
      var replyFrom = ScenarioRoutes.replyFrom(scenario.node(node), family);
      if (replyFrom.isPresent()) {
        addresses.add(replyFrom.get());
      } else {
        links.forEach(link -> addresses.add(LinkAddresses.of(link, node, family)));
      }
    });
    return addresses;
  }

  private Map<String, Set<Link>> hop(int ttl) {
    if (ttl < 1 || ttl > hops.size()) {
      throw new IllegalArgumentException("no hop " + ttl + " on a path of " + hops.size());
    }
    return hops.get(ttl - 1);
  }
}
