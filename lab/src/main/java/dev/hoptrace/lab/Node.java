package dev.hoptrace.lab;

import java.util.Objects;

/**
 * One network namespace of a lab: a node of the scenario it was built from.
 *
 * @param namespace the namespace name, {@code ht-<runid>-<name>}
 * @param name the scenario node's name
 * @param role what the node does in the lab
 */
public record Node(String namespace, String name, Role role) {
  /** Longest name Linux accepts for an interface. */
  public static final int MAX_INTERFACE_NAME = 15;

  /** What a node does. */
  public enum Role {
    /** Runs the programs under test; routes the lab ranges into the lab and nothing else. */
    CLIENT,
    /** Forwards between its links and answers as a hop. */
    ROUTER,
    /** The trace target. */
    DESTINATION
  }

  public Node {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  static Role roleOf(dev.hoptrace.scenario.Node node) {
    return switch (node.role()) {
      case CLIENT -> Role.CLIENT;
      case ROUTER -> Role.ROUTER;
      case DESTINATION -> Role.DESTINATION;
    };
  }

  /**
   * The interface on link {@code link} (the scenario's 1-based link index): the same name at
   * both ends, each in its own namespace.
   */
  public static String interfaceName(int link) {
    return "link" + link;
  }

  @Override
  public String toString() {
    return namespace;
  }
}
