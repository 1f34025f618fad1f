package dev.hoptrace.lab;

import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.RouterBehaviour;
import dev.hoptrace.scenario.Scenario;

/**
 * A running lab's scenario with one router behaving differently. Only what lives in nft rules
 * may change (ICMP policy, NAT, filter); addresses, routes and crafted replies were built.
 */
final class BehaviourChange {
  private final Scenario scenario;

  BehaviourChange(Scenario scenario) {
    this.scenario = scenario;
  }

  Scenario apply(String name, RouterBehaviour behaviour) {
    Node node = scenario.node(name);
    if (node.role() != Node.Role.ROUTER) {
      throw new IllegalArgumentException(name + " is not a router");
    }
    RouterBehaviour built = node.router();
    if (!built.replyFromV4().equals(behaviour.replyFromV4())
        || !built.replyFromV6().equals(behaviour.replyFromV6())
        || !built.mpls().equals(behaviour.mpls())
        || !built.interfaces().equals(behaviour.interfaces())
        || built.balancing() != behaviour.balancing()) {
      throw new IllegalArgumentException("router " + name + ": reply-from, MPLS, interfaces and "
          + "balancing "
          + "are built with the lab and cannot change while it runs; build another scenario");
    }
    return scenario.with(node.withRouter(behaviour)); // prefixes and the kernel budget stay
  }
}
