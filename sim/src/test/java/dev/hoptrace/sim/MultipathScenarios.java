package dev.hoptrace.sim;

import dev.hoptrace.core.mda.Link;
import dev.hoptrace.core.mda.MultipathHop;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioReader;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The load-balanced scenarios multipath traces run on, and how a trace is checked against one. */
final class MultipathScenarios {
  private MultipathScenarios() {}

  /** Two per-flow diamonds inside a diamond: three branching routers, four parallel paths. */
  static final String NESTED = """
      name: nested-diamond
      description: r1 balances over r2a and r2b, each of which balances over two routers.
      nodes:
        - {name: client, role: client}
        - {name: r1}
        - {name: r2a}
        - {name: r2b}
        - {name: r3a}
        - {name: r3b}
        - {name: r3c}
        - {name: r3d}
        - {name: r4}
        - {name: dst, role: destination}
      links:
        - client -- r1
        - r1 -- r2a
        - r1 -- r2b
        - r2a -- r3a
        - r2a -- r3b
        - r2b -- r3c
        - r2b -- r3d
        - r3a -- r4
        - r3b -- r4
        - r3c -- r4
        - r3d -- r4
        - r4 -- dst
      """;

  /** Routers that balance (several next hops): how many stopping-rule tests can fail. */
  record Case(String name, int branchingRouters) {
    Scenario scenario() {
      return name.equals("nested-diamond")
          ? ScenarioReader.read(NESTED, "nested-diamond")
          : ScenarioLibrary.load(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> all() {
    return List.of(new Case("ecmp-diamond", 1), new Case("ecmp-wide", 1),
        new Case("nested-diamond", 3));
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
