package dev.hoptrace.sim;

import dev.hoptrace.core.mda.Link;
import dev.hoptrace.core.mda.MultipathHop;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The load-balanced scenarios multipath traces run on, and how a trace is checked against one. */
final class MultipathScenarios {
  private MultipathScenarios() {}

  /** Routers that balance (several next hops): how many stopping-rule tests can fail. */
  record Case(String name, int branchingRouters) {
    /**
     * The library's diamonds, and the benchmark's scenario files (bench/scenarios) for the other
     * shapes: 8 next hops, a nested diamond, branches of unequal length.
     */
    Scenario scenario() {
      return ScenarioLibrary.names().contains(name)
          ? ScenarioLibrary.load(name)
          : ScenarioLibrary.read(Path.of("..", "bench", "scenarios", name + ".yaml"));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> all() {
    return List.of(new Case("ecmp-diamond", 1), new Case("ecmp-wide", 1),
        new Case("ecmp-8way", 1), new Case("ecmp-nested", 3), new Case("ecmp-unequal", 1));
  }

  /** What the trace found that the scenario does not have, and what it missed; empty if exact. */
  static List<String> differences(MultipathResult result, PathGraph expected) {
    Set<String> found = new HashSet<>();
    for (MultipathHop hop : result.hops()) {
      for (InetAddress address : hop.interfaces()) {
        // A flow sent straight past the destination's depth is answered by it there (mda.md).
        int ttl = hop.destination() && hop.ttl() > expected.depth() ? expected.depth() : hop.ttl();
        found.add("interface " + ttl + " " + address.getHostAddress());
      }
    }
    for (Link link : result.links()) {
      found.add("edge " + link.fromTtl() + " " + link.from().getHostAddress() + " -> " + link.ttl()
          + " " + link.to().getHostAddress());
    }
    Set<String> wanted = new HashSet<>();
    expected.interfaces().forEach((ttl, addresses) -> addresses.forEach(
        address -> wanted.add("interface " + ttl + " " + address.getHostAddress())));
    for (PathGraph.Edge edge : expected.edges()) {
      wanted.add("edge " + (edge.ttl() - 1) + " " + edge.from().getHostAddress() + " -> "
          + edge.ttl() + " " + edge.to().getHostAddress());
    }
    List<String> differences = new ArrayList<>();
    wanted.stream().filter(w -> !found.contains(w)).sorted().forEach(w -> differences.add("missed " + w));
    found.stream().filter(f -> !wanted.contains(f)).sorted().forEach(f -> differences.add("spurious " + f));
    return differences;
  }
}
