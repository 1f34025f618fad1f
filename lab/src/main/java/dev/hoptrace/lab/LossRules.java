package dev.hoptrace.lab;

import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Link loss, per direction: each end drops the packets it sends onto a lossy link at random,
 * {@code numgen random mod 1000000 < p·10⁶}, after routing and NAT (postrouting), so probes,
 * forwarded replies and the node's own ICMP errors are all lost alike. Neighbour discovery is
 * spared: a real router keeps its neighbours cached, and a lost solicitation here would lose
 * whole bursts of packets together instead of independently.
 */
final class LossRules {
  static final int SCALE = 1_000_000;

  private LossRules() {}

  static List<String> parts(Scenario scenario, String node) {
    List<String> rules = new ArrayList<>();
    for (Link link : scenario.linksOf(node)) {
      long threshold = Math.round(link.loss() * SCALE);
      if (threshold > 0 && !EmulatedLinks.needsEmulator(scenario, link)) {
        rules.add("oifname \"" + Node.interfaceName(link.index()) + "\" numgen random mod "
            + SCALE + " < " + threshold + " drop");
      }
    }
    if (rules.isEmpty()) {
      return List.of();
    }
    rules.addFirst("icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept");
    return List.of(NodeRules.chain("link_loss",
        "type filter hook postrouting priority 0; policy accept;", rules));
  }
}
