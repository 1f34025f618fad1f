package dev.hoptrace.lab;

import dev.hoptrace.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's nftables ruleset, rendered from the scenario: one table named {@value #TABLE},
 * replaced whole so that a behaviour can change while the lab runs. Routers get their
 * forwarding behaviours ({@link RouterRules}), the destination its answers ({@link
 * DestinationRules}), and every node the loss of the links it sends on ({@link LossRules}).
 */
final class NodeRules {
  static final String TABLE = "hoptrace_lab";

  private NodeRules() {}

  static String script(Scenario scenario, String node, ScenarioRoutes routes) {
    List<String> parts = new ArrayList<>();
    dev.hoptrace.scenario.Node n = scenario.node(node);
    if (n.role() == dev.hoptrace.scenario.Node.Role.ROUTER) {
      parts.addAll(new RouterRules(scenario, node, routes).parts());
    } else {
      parts.addAll(RouterRules.icmpPolicy(n.router().icmp()));
    }
    if (n.role() == dev.hoptrace.scenario.Node.Role.DESTINATION) {
      parts.addAll(DestinationRules.parts(n.destination()));
    }
    parts.addAll(PrefixRules.parts(n));
    parts.addAll(LossRules.parts(scenario, node));
    return render(parts);
  }

  /** The script that drops any previous lab table and installs {@code parts} (objects, chains). */
  static String render(List<String> parts) {
    String reset = "table inet " + TABLE + "\ndelete table inet " + TABLE + "\n";
    if (parts.isEmpty()) {
      return reset;
    }
    StringBuilder table = new StringBuilder(reset).append("table inet ").append(TABLE)
        .append(" {\n");
    parts.forEach(p -> p.strip().lines().forEach(l -> table.append("  ").append(l).append('\n')));
    return table.append("}\n").toString();
  }

  /** A chain with its hook line and rules, one per line. */
  static String chain(String name, String hook, List<String> rules) {
    StringBuilder chain = new StringBuilder("chain ").append(name).append(" {\n  ").append(hook)
        .append('\n');
    rules.forEach(r -> chain.append("  ").append(r).append('\n'));
    return chain.append("}\n").toString();
  }

  /** {@code { "a", "b" }}: an anonymous set of interface names. */
  static String interfaces(List<String> names) {
    return "{ " + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + " }";
  }
}
