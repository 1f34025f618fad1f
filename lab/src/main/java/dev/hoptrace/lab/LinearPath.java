package dev.hoptrace.lab;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plan of a linear lab, {@code client — r1 — r2 — … — rN — destination}: how many routers,
 * how each behaves, and whether the client may open ping sockets. Immutable; {@link #start()}
 * builds it.
 *
 * @param routers number of routers, 1..{@value AddressPlan#MAX_LINKS} - 1
 * @param behaviours behaviour per router number (1-based); routers not listed answer normally
 * @param pingGroupOpen whether the client's {@code net.ipv4.ping_group_range} admits every group
 */
public record LinearPath(int routers, Map<Integer, RouterBehaviour> behaviours,
    boolean pingGroupOpen) {

  public LinearPath {
    if (routers < 1 || routers >= AddressPlan.MAX_LINKS) {
      throw new IllegalArgumentException(
          "routers must be 1.." + (AddressPlan.MAX_LINKS - 1) + ", got " + routers);
    }
    behaviours = Map.copyOf(behaviours);
    behaviours.forEach((router, behaviour) -> {
      Objects.requireNonNull(behaviour, "behaviour");
      if (router < 1 || router > routers) {
        throw new IllegalArgumentException("no router " + router + " on a path of " + routers);
      }
    });
  }

  /** A path of {@code routers} answering routers with ping sockets open on the client. */
  public static LinearPath of(int routers) {
    return new LinearPath(routers, Map.of(), true);
  }

  /** This path with router {@code router} (1-based) behaving as {@code behaviour}. */
  public LinearPath router(int router, RouterBehaviour behaviour) {
    Map<Integer, RouterBehaviour> changed = new TreeMap<>(behaviours);
    changed.put(router, behaviour);
    return new LinearPath(routers, changed, pingGroupOpen);
  }

  /** This path with the client's ping sockets closed (the kernel default {@code "1 0"}). */
  public LinearPath pingGroupClosed() {
    return new LinearPath(routers, behaviours, false);
  }

  /** How router {@code router} behaves. */
  public RouterBehaviour behaviour(int router) {
    return behaviours.getOrDefault(router, RouterBehaviour.ANSWERING);
  }

  /** Number of links: one more than routers. */
  public int links() {
    return routers + 1;
  }

  /** Builds the lab; the caller closes it. Needs root. */
  public Lab start() {
    return Lab.start(this);
  }
}
