package dev.hoptrace.lab;

import dev.hoptrace.packet.forge.ForgeryPlan;
import dev.hoptrace.lab.emulator.LinkEmulator;
import dev.hoptrace.lab.emulator.LinkEnd;
import dev.hoptrace.lab.emulator.LinkProfile;
import dev.hoptrace.lab.emulator.RouterHop;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds emulated paths with the TUN link emulator ({@link dev.hoptrace.lab.emulator}): one
 * emulator per path, a TUN device at each end, each scenario link one segment (delay, jitter,
 * loss and MTU both ways), and each MPLS router a router hop with its address plan addresses on
 * its two links, its label stack and its RFC 5837 interface information. Loss and jitter are
 * seeded from the scenario's seed and the first link, so a lab repeats its pattern for the same
 * traffic.
 */
public final class TunLinkFactory implements EmulatedLinkFactory {
  /** The lab's default emulator. */
  public static final TunLinkFactory INSTANCE = new TunLinkFactory(null);

  /** Lies told to the client by a forger on its link, or null for an honest lab. */
  private final ForgeryPlan clientTap;

  private TunLinkFactory(ForgeryPlan clientTap) {
    this.clientTap = clientTap;
  }

  /**
   * The emulator with a forger tapping the client's link next to the client (see {@link
   * LinkEmulator.Builder#tapNearA}): an adversary on the path who reads every probe and lies
   * about it. The scenario must emulate the client's link (give it a delay) and name the client
   * first on it.
   */
  public static TunLinkFactory withForgerNextToClient(ForgeryPlan plan) {
    return new TunLinkFactory(Objects.requireNonNull(plan, "plan"));
  }

  @Override
  public Optional<String> refusal(Scenario scenario, EmulatedPath path) {
    if (clientTap != null && path.endB().equals(scenario.client().name())) {
      return Optional.of(path + " ends at the client: the forger taps a link the client starts");
    }
    return Optional.empty(); // what no emulator can build, EmulatedLinks refuses first
  }

  @Override
  public EmulatedLink create(Scenario scenario, EmulatedPath path, String namespaceA,
      String namespaceB) {
    List<Link> links = path.links();
    LinkEmulator.Builder builder = LinkEmulator.between(
        new LinkEnd(namespaceA, path.interfaceA(), List.of(), links.getFirst().mtu()),
        new LinkEnd(namespaceB, path.interfaceB(), List.of(), links.getLast().mtu()));
    builder.link(profile(links.getFirst()));
    for (int i = 0; i < path.routers().size(); i++) {
      String router = path.routers().get(i);
      Link before = links.get(i);
      Link after = links.get(i + 1);
      var behaviour = scenario.node(router).router();
      builder.router(new RouterHop(face(scenario, before, router),
          face(scenario, after, router), behaviour.mpls(), behaviour.interfaces(),
          behaviour.quote()));
      builder.farLink(profile(after));
    }
    if (clientTap != null && path.endA().equals(scenario.client().name())) {
      builder.tapNearA(clientTap);
    }
    LinkEmulator emulator = builder.seed(scenario.seed() * 1_000 + links.getFirst().index())
        .start();
    return emulator::close;
  }

  /** The same both ways: scenario links are symmetric. */
  private static LinkProfile profile(Link link) {
    return new LinkProfile(link.delay(), link.jitter(), link.loss(), link.mtu());
  }

  private static RouterHop.Face face(Scenario scenario, Link link, String router) {
    Inet4Address v4 = scenario.family().ipv4()
        ? (Inet4Address) LinkAddresses.of(link, router, IpFamily.IPV4) : null;
    Inet6Address v6 = scenario.family().ipv6()
        ? (Inet6Address) LinkAddresses.of(link, router, IpFamily.IPV6) : null;
    return new RouterHop.Face(v4, v6);
  }
}
