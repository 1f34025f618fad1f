package dev.hoptrace.lab;

import dev.hoptrace.scenario.Filter;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.RouterBehaviour;
import dev.hoptrace.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which parts of a scenario the kernel alone cannot build, and why. Linux forwards without
 * delay, and a Linux router's Time Exceeded carries no RFC 4950 MPLS extension; everything
 * else in the scenario format (loss included, with nft) the lab builds itself.
 *
 * <p>A router with {@code mpls:} becomes a router hop inside a link emulator between its two
 * neighbours, so its two links are one {@link EmulatedPath}; MPLS routers next to each other
 * share one path. A link with delay or jitter is a path of its own.
 */
final class EmulatedLinks {
  private EmulatedLinks() {}

  /** True when {@code link} is built by an emulator rather than as a veth pair. */
  static boolean needsEmulator(Scenario scenario, Link link) {
    return !link.delay().isZero() || !link.jitter().isZero()
        || isEmulatedRouter(scenario, link.a()) || isEmulatedRouter(scenario, link.b());
  }

  /**
   * True for a router that reports MPLS labels or its interfaces (RFC 5837) in ICMP extensions,
   * or quotes less than Linux: it lives in an emulator, not a namespace.
   */
  static boolean isEmulatedRouter(Scenario scenario, String node) {
    RouterBehaviour b = scenario.node(node).router();
    return b.reportsExtensions() || b.quotesShort();
  }

  private static String whyEmulated(Scenario scenario, String node) {
    RouterBehaviour b = scenario.node(node).router();
    return node + (!b.mpls().isEmpty() ? " reports MPLS labels"
        : !b.interfaces().isEmpty() ? " reports its interfaces (RFC 5837)"
        : " quotes " + b.quote() + " bytes");
  }

  /** Every path a scenario without {@link #structuralRefusals} needs emulated, in link order. */
  static List<EmulatedPath> paths(Scenario scenario) {
    List<EmulatedPath> paths = new ArrayList<>();
    Set<Link> taken = new LinkedHashSet<>();
    for (Link link : scenario.links()) {
      if (taken.contains(link) || !needsEmulator(scenario, link)) {
        continue;
      }
      List<Link> links = new ArrayList<>(List.of(link));
      List<String> routers = new ArrayList<>();
      String endA = link.a();
      while (isEmulatedRouter(scenario, endA) && links.size() <= scenario.links().size()) {
        Link before = otherLink(scenario, endA, links.getFirst());
        links.addFirst(before);
        routers.addFirst(endA);
        endA = before.other(endA);
      }
      String endB = link.b();
      while (isEmulatedRouter(scenario, endB) && links.size() <= scenario.links().size()) {
        Link after = otherLink(scenario, endB, links.getLast());
        links.addLast(after);
        routers.addLast(endB);
        endB = after.other(endB);
      }
      taken.addAll(links);
      paths.add(new EmulatedPath(endA, endB, links, routers));
    }
    return paths;
  }

  /** What about {@code path} needs the emulator, e.g. "link r2 -- r3 (delay 5 ms)". */
  static String why(Scenario scenario, EmulatedPath path) {
    List<String> reasons = new ArrayList<>();
    for (Link link : path.links()) {
      String where = path.links().size() == 1 ? "" : " on " + link.a() + " -- " + link.b();
      if (!link.delay().isZero()) {
        reasons.add("delay " + text(link.delay()) + where);
      }
      if (!link.jitter().isZero()) {
        reasons.add("jitter " + text(link.jitter()) + where);
      }
    }
    path.routers().forEach(r -> reasons.add(whyEmulated(scenario, r)));
    return path + " (" + String.join(", ", reasons) + ")";
  }

  /**
   * Every refusal for {@code scenario}, one per line; empty when buildable: first what no
   * emulator can build (an MPLS router that is more than a two-link transit hop), then what
   * {@code factory} refuses.
   */
  static List<String> refusals(Scenario scenario, EmulatedLinkFactory factory) {
    List<String> refusals = structuralRefusals(scenario);
    if (refusals.isEmpty()) {
      for (EmulatedPath path : paths(scenario)) {
        factory.refusal(scenario, path).ifPresent(refusals::add);
      }
    }
    return refusals;
  }

  private static List<String> structuralRefusals(Scenario scenario) {
    List<String> refusals = new ArrayList<>();
    for (dev.hoptrace.scenario.Node node : scenario.nodes().values()) {
      if (!isEmulatedRouter(scenario, node.name())) {
        continue;
      }
      String name = "router " + whyEmulated(scenario, node.name());
      int links = scenario.linksOf(node.name()).size();
      if (node.role() != dev.hoptrace.scenario.Node.Role.ROUTER || links != 2) {
        refusals.add(name + " but has " + links + " links: the link emulator builds such a "
            + "router only as a transit hop between two neighbours");
      }
      RouterBehaviour b = node.router();
      List<String> extra = new ArrayList<>();
      if (b.nat() != RouterBehaviour.Nat.NONE) {
        extra.add("nat");
      }
      if (b.dscp().isPresent()) {
        extra.add("dscp");
      }
      if (b.filter().kind() != Filter.Kind.NONE) {
        extra.add("filter");
      }
      if (b.balancing() != RouterBehaviour.Balancing.PER_FLOW) {
        extra.add("balance");
      }
      if (b.icmp().kind() != IcmpPolicy.Kind.ANSWER) {
        extra.add("icmp");
      }
      if (b.replyFromV4().isPresent() || b.replyFromV6().isPresent()) {
        extra.add("reply-from");
      }
      if (!node.owned().isEmpty()) {
        extra.add("prefix");
      }
      if (!extra.isEmpty()) {
        refusals.add(name + " and has " + String.join(", ", extra) + ": an emulated "
            + "router hop only forwards and answers from its link addresses");
      }
    }
    if (refusals.isEmpty()) {
      for (EmulatedPath path : paths(scenario)) {
        if (isEmulatedRouter(scenario, path.endA()) || isEmulatedRouter(scenario, path.endB())) {
          refusals.add(path + " is a ring of MPLS routers with no ordinary router at its ends");
        }
      }
    }
    return refusals;
  }

  /** "reports MPLS labels", or its interfaces: what makes the router an emulated hop. */
  private static Link otherLink(Scenario scenario, String router, Link known) {
    return scenario.linksOf(router).stream().filter(l -> !l.equals(known)).findFirst()
        .orElseThrow();
  }

  private static String text(Duration d) {
    long micros = d.toNanos() / 1000;
    return micros % 1000 == 0 ? micros / 1000 + " ms" : micros + " µs";
  }
}
