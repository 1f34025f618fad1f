package dev.hoptrace.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules every scenario must follow, so that the lab and the simulator can both build it. */
final class ScenarioChecks {
  private ScenarioChecks() {}

  /** Fan-out a router may balance over (per-flow ECMP in Linux and real gear alike). */
  static final int MAX_FAN_OUT = 16;

  static void check(String name, Map<String, Node> nodes, List<Link> links) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("scenario name '" + name
          + "' must be 1-40 lower-case letters, digits and dashes");
    }
    count(name, nodes, Node.Role.CLIENT);
    count(name, nodes, Node.Role.DESTINATION);
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      if (link.index() != i + 1) {
        throw new IllegalArgumentException(name + ": link " + (i + 1) + " has index " + link.index());
      }
      for (String end : List.of(link.a(), link.b())) {
        if (!nodes.containsKey(end)) {
          throw new IllegalArgumentException(name + ": link " + link.a() + "--" + link.b()
              + " names unknown node '" + end + "'");
        }
      }
      String pair = link.a().compareTo(link.b()) < 0 ? link.a() + " " + link.b() : link.b() + " " + link.a();
      if (!pairs.add(pair)) {
        throw new IllegalArgumentException(name + ": two links join " + link.a() + " and " + link.b());
      }
    }
    for (Node node : nodes.values()) {
      if (node.role() != Node.Role.ROUTER && links.stream().filter(l -> l.touches(node.name())).count() != 1) {
        throw new IllegalArgumentException(name + ": the " + node.role().name().toLowerCase()
            + " '" + node.name() + "' must have exactly one link");
      }
    }
    Routes routes = new Routes(nodes, links);
    String client = nodes.values().stream().filter(n -> n.role() == Node.Role.CLIENT).findFirst().orElseThrow().name();
    if (routes.hopsToDestination(client) < 0) {
      throw new IllegalArgumentException(name + ": the destination cannot be reached from the client");
    }
    for (Node node : nodes.values()) {
      if (routes.nextHopsToDestination(node.name()).size() > MAX_FAN_OUT) {
        throw new IllegalArgumentException(name + ": " + node.name() + " balances over more than "
            + MAX_FAN_OUT + " next hops");
      }
    }
  }

  private static void count(String name, Map<String, Node> nodes, Node.Role role) {
    long n = nodes.values().stream().filter(node -> node.role() == role).count();
    if (n != 1) {
      throw new IllegalArgumentException(name + ": a scenario has exactly one "
          + role.name().toLowerCase() + ", this one has " + n);
    }
  }
}
