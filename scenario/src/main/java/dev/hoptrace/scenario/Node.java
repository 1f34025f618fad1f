package dev.hoptrace.scenario;

import java.util.Objects;

/**
 * A host or router of a scenario.
 *
 * @param name unique within the scenario; short (namespaces and interface names derive from it)
 * @param role what the node is
 * @param router how it behaves as a router (defaults for the client and destination)
 * @param destination how it answers probes addressed to it (only for the destination)
 * @param owned the address blocks it owns besides its link addresses (a router or the
 *     destination)
 */
public record Node(String name, Role role, RouterBehaviour router, DestinationBehaviour destination,
    OwnedPrefixes owned) {

  public enum Role { CLIENT, ROUTER, DESTINATION }

  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(owned, "owned");
    if (!name.matches("[a-z][a-z0-9]{0,7}")) {
      throw new IllegalArgumentException("node name '" + name
          + "' must be 1-8 lower-case letters and digits, starting with a letter");
    }
  }

  /** A node that owns no prefix. */
  public Node(String name, Role role, RouterBehaviour router, DestinationBehaviour destination) {
    this(name, role, router, destination, OwnedPrefixes.NONE);
  }

  /** The same node with other router behaviour (what it owns stays). */
  public Node withRouter(RouterBehaviour behaviour) {
    return new Node(name, role, behaviour, destination, owned);
  }

  /** The same node owning {@code prefixes}. */
  public Node withOwned(OwnedPrefixes prefixes) {
    return new Node(name, role, router, destination, prefixes);
  }

  public static Node client(String name) {
    return new Node(name, Role.CLIENT, RouterBehaviour.DEFAULT, DestinationBehaviour.DEFAULT);
  }

  public static Node router(String name, RouterBehaviour behaviour) {
    return new Node(name, Role.ROUTER, behaviour, DestinationBehaviour.DEFAULT);
  }

  public static Node destination(String name, DestinationBehaviour behaviour) {
    return new Node(name, Role.DESTINATION, RouterBehaviour.DEFAULT, behaviour);
  }
}
