package dev.hoptrace.lab;

import java.util.Objects;

/**
 * One network namespace of a lab.
 *
 * @param namespace the namespace name, {@code ht-<runid>-<suffix>}, at most 15 characters
 * @param role what the node does in the lab
 * @param position the node's place on the path: client 0, routers 1..N, destination N+1
 */
public record Node(String namespace, Role role, int position) {
  /** Longest name Linux accepts for an interface; namespace names are kept within it too. */
  public static final int MAX_NAME = 15;

  /** What a node does. */
  public enum Role {
    /** Runs the programs under test; routes the lab ranges into the lab and nothing else. */
    CLIENT,
    /** Forwards between its two links and answers as a hop. */
    ROUTER,
    /** The trace target. */
    DESTINATION
  }

  public Node {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(role, "role");
    if (namespace.length() > MAX_NAME) {
      throw new IllegalArgumentException("namespace name longer than " + MAX_NAME + ": " + namespace);
    }
  }

  /** The interface on link {@code link}: same name at both ends, each in its own namespace. */
  public static String interfaceName(int link) {
    return "link" + link;
  }

  @Override
  public String toString() {
    return namespace;
  }
}
