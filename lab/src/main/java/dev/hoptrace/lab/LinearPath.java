package dev.hoptrace.lab;

import dev.hoptrace.scenario.DestinationBehaviour;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The plan of a linear lab, {@code client — r1 — r2 — … — rN — dst}: how many routers, how each
 * behaves, and whether the client may open ping sockets. A shorthand for the {@link Scenario}
 * it becomes ({@link #scenario()}), which {@link #start()} builds like any other.
 *
 * @param routers number of routers, 1..{@value Link#MAX_LINKS} - 1
 * @param behaviours behaviour per router number (1-based); routers not listed answer normally
 * @param pingGroupOpen whether the client's {@code net.ipv4.ping_group_range} admits every group
 */
public record LinearPath(int routers, Map<Integer, RouterBehaviour> behaviours,
    boolean pingGroupOpen) {

  public LinearPath {
    if (routers < 1 || routers >= Link.MAX_LINKS) {
      throw new IllegalArgumentException(
          "routers must be 1.." + (Link.MAX_LINKS - 1) + ", got " + routers);
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

  /**
   * The scenario: nodes {@code client}, {@code r1}..{@code rN}, {@code dst}; link {@code k}
   * joins hop {@code k-1} to hop {@code k}, so router {@code k} answers from 198.18.k.2.
   */
  public Scenario scenario() {
    Map<String, dev.hoptrace.scenario.Node> nodes = new LinkedHashMap<>();
    List<Link> links = new ArrayList<>();
    nodes.put("client", dev.hoptrace.scenario.Node.client("client"));
    String previous = "client";
    for (int k = 1; k <= routers; k++) {
      String name = "r" + k;
      nodes.put(name, dev.hoptrace.scenario.Node.router(name, behaviour(k).scenarioBehaviour()));
      links.add(link(links.size() + 1, previous, name));
      previous = name;
    }
    nodes.put("dst", dev.hoptrace.scenario.Node.destination("dst", DestinationBehaviour.DEFAULT));
    links.add(link(links.size() + 1, previous, "dst"));
    return new Scenario("linear-" + routers, "client, " + routers + " routers, destination",
        1, Scenario.Family.DUAL, nodes, links);
  }

  private static Link link(int index, String a, String b) {
    return new Link(index, a, b, Duration.ZERO, Duration.ZERO, 0, Link.DEFAULT_MTU);
  }

  /** Builds the lab; the caller closes it. Needs root. */
  public Lab start() {
    return Lab.start(scenario(), new LabOptions(pingGroupOpen, LabOptions.DEFAULT.emulator()));
  }
}
