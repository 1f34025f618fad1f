package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.hop;
import static dev.hoptrace.sim.Traces.responders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One library scenario per behaviour, traced as a user would, checked as a user would read it. */
class PathBehaviourTest {

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void silentRouterShowsAsStarsAndThePathContinuesBehindIt(boolean v6) {
    TraceResult r = Traces.trace("silent-hop", v6, Protocol.UDP, ProbeMode.UNPRIVILEGED);

    assertThat(hop(r, 3).silent()).isTrue();
    assertThat(responders(r, 4)).containsExactly(at("silent-hop", "r4", "r3", v6));
    assertThat(r.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
    assertThat(r.hops()).hasSize(6);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void rateLimitedRouterAnswersItsBurstAndLaterHopsStillAnswer(boolean v6) {
    TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load("rate-limited")), v6,
        Protocol.UDP, ProbeMode.UNPRIVILEGED, b -> b.probesPerHop(10));

    // burst 2: the first two of ten probes sent at once are answered, the rest are not.
    assertThat(hop(r, 3).probes().stream().filter(ProbeResult::answered).count()).isEqualTo(2);
    assertThat(hop(r, 3).probes().subList(0, 2)).allMatch(ProbeResult::answered);
    assertThat(hop(r, 4).probes()).allMatch(ProbeResult::answered);
    assertThat(r.reached()).isTrue();
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void rateLimitedRouterAnswersEveryProbeWhenTheyComeSlowerThanItsRate(boolean v6) {
    // 2 per second refill: probes 600 ms apart always find a token.
    TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load("rate-limited")), v6,
        Protocol.UDP, ProbeMode.UNPRIVILEGED,
        b -> b.probesPerHop(6).maxInFlight(1).sendWait(Duration.ofMillis(600)));

    assertThat(hop(r, 3).probes()).allMatch(ProbeResult::answered);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void firewallAnswersItsOwnHopThenSilenceUntilTheGapLimit(boolean v6) {
    TraceResult r = Traces.trace("firewall", v6, Protocol.ICMP, ProbeMode.RAW);

    assertThat(responders(r, 4)).containsExactly(at("firewall", "r4", "r3", v6));
    assertThat(r.hops().subList(4, r.hops().size())).allMatch(h -> h.silent());
    assertThat(r.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
    assertThat(r.reached()).isFalse();
    assertThat(r.hops()).hasSize(4 + 5);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void rejectingRouterEndsTheTraceWithHostUnreachable(boolean v6) {
    TraceResult r = Traces.trace("unreachable", v6, Protocol.UDP, ProbeMode.UNPRIVILEGED);

    assertThat(responders(r, 3)).containsExactly(at("unreachable", "r3", "r2", v6));
    ProbeResult rejected = hop(r, 4).probes().getFirst();
    assertThat(rejected.responder()).contains(at("unreachable", "r3", "r2", v6));
    assertThat(rejected.annotation()).isEqualTo("!H");
    assertThat(rejected.icmpCode()).isEqualTo(v6 ? 3 : 1);
    assertThat(r.stopReason()).isEqualTo(StopReason.UNREACHABLE);
    assertThat(r.reached()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ProbeMode.class)
  void firewalledDestinationAnswersOnlyTcpToItsOpenPort(ProbeMode mode) {
    if (mode == ProbeMode.AUTO) {
      return;
    }
    TraceResult udp = Traces.trace("firewalled-destination", false, Protocol.UDP, mode);
    assertThat(udp.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
    assertThat(responders(udp, 3)).hasSize(1);
    assertThat(hop(udp, 4).silent()).isTrue();

    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("firewalled-destination"));
    TraceResult open = Traces.trace(network, false, Protocol.TCP, mode, b -> b.port(443));
    assertThat(open.reached()).isTrue();
    assertThat(hop(open, 4).probes()).allMatch(p -> p.kind().orElseThrow() == ReplyKind.TCP_OPEN);

    TraceResult closed = Traces.trace(network, false, Protocol.TCP, mode, b -> b.port(80));
    assertThat(closed.reached()).isFalse();
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void replyFromRouterAnswersFromItsLoopback(boolean v6) {
    TraceResult r = Traces.trace("reply-from", v6, Protocol.ICMP, ProbeMode.UNPRIVILEGED);

    assertThat(responders(r, 2)).containsExactly(
        InetAddress.ofLiteral(v6 ? "2001:db8:ffff::2" : "198.19.255.2"));
    assertThat(responders(r, 3)).containsExactly(at("reply-from", "r3", "r2", v6));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ProbeMode.class, names = {"RAW", "UNPRIVILEGED"})
  void largeIpv6ProbesGetPacketTooBigFromTheRouterBeforeTheSmallLink(ProbeMode mode) {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("small-mtu"));
    TraceResult r = Traces.trace(network, true, Protocol.UDP, mode, b -> b.packetLength(1500));

    ProbeResult tooBig = hop(r, 3).probes().getFirst();
    assertThat(tooBig.responder()).contains(at("small-mtu", "r2", "r1", true));
    assertThat(tooBig.kind()).contains(ReplyKind.PACKET_TOO_BIG);
    assertThat(tooBig.annotation()).isEqualTo("!F-1400");
    assertThat(r.stopReason()).isEqualTo(StopReason.UNREACHABLE);

    // IPv4 without DF passes (fragmentation is not modelled); small IPv6 probes pass too.
    assertThat(Traces.trace(network, false, Protocol.UDP, mode, b -> b.packetLength(1500))
        .reached()).isTrue();
    assertThat(Traces.trace(network, true, Protocol.UDP, mode, b -> b.packetLength(1400))
        .reached()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ProbeMode.class, names = {"RAW", "UNPRIVILEGED"})
  void mplsRoutersReportTheirLabelStacks(ProbeMode mode) {
    TraceResult r = Traces.trace("mpls", false, Protocol.UDP, mode);

    assertThat(hop(r, 1).probes().getFirst().extensions().isEmpty()).isTrue();
    assertThat(hop(r, 2).probes()).allSatisfy(p -> assertThat(p.extensions().mplsLabels())
        .containsExactly(new MplsLabelStackEntry(16005, 0, true, 1)));
    assertThat(hop(r, 3).probes()).allSatisfy(p -> assertThat(p.extensions().mplsLabels())
        .containsExactly(new MplsLabelStackEntry(24001, 5, false, 1),
            new MplsLabelStackEntry(16005, 0, true, 2)));
    assertThat(hop(r, 4).probes().getFirst().extensions().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void rttIsTwiceTheOneWayDelaysWithinTheJitter(boolean v6) {
    Scenario s = ScenarioLibrary.load("transatlantic");
    TraceResult r = Traces.trace("transatlantic", v6, Protocol.UDP, ProbeMode.RAW);

    List<Link> path = s.links(); // a line: link k leads to hop k
    double delay = 0;
    double jitter = 0;
    for (int ttl = 1; ttl <= path.size(); ttl++) {
      delay += path.get(ttl - 1).delay().toNanos() / 1e6;
      jitter += path.get(ttl - 1).jitter().toNanos() / 1e6;
      for (ProbeResult p : hop(r, ttl).probes()) {
        assertThat(p.rttMillis()).as("hop %d", ttl).isCloseTo(2 * delay, within(2 * jitter + 1e-9));
      }
    }
    assertThat(hop(r, 5).probes().getFirst().rttMillis()).isGreaterThan(70); // the ocean
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void natIsInvisibleToTheClientInEveryMode(boolean v6) {
    for (ProbeMode mode : new ProbeMode[] {ProbeMode.RAW, ProbeMode.UNPRIVILEGED}) {
      for (Protocol protocol : Protocol.values()) {
        TraceResult r = Traces.trace("nat", v6, protocol, mode);
        assertThat(r.reached()).as("%s %s", protocol, mode).isTrue();
        assertThat(responders(r, 1)).containsExactly(at("nat", "home", "client", v6));
        assertThat(responders(r, 2)).containsExactly(at("nat", "isp1", "home", v6));
        assertThat(responders(r, 3)).containsExactly(at("nat", "isp2", "isp1", v6));
        assertThat(responders(r, 4)).containsExactly(at("nat", "dst", "isp2", v6));
        assertThat(r.hops()).allSatisfy(h -> assertThat(h.silent()).isFalse());
      }
    }
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void homeIspCdnReachesTheCdnOverTcpThroughNatMplsAndRateLimits(boolean v6) {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("home-isp-cdn"));
    TraceResult r = Traces.trace(network, v6, Protocol.TCP, ProbeMode.UNPRIVILEGED,
        b -> b.port(443).probesPerHop(10));

    assertThat(r.reached()).isTrue();
    assertThat(responders(r, 1)).containsExactly(at("home-isp-cdn", "home", "client", v6));
    assertThat(responders(r, 4)).containsExactlyInAnyOrder(
        at("home-isp-cdn", "p1a", "pe1", v6), at("home-isp-cdn", "p1b", "pe1", v6));
    for (ProbeResult p : hop(r, 4).probes()) {
      int label = p.responder().get().equals(at("home-isp-cdn", "p1a", "pe1", v6)) ? 24010 : 24020;
      assertThat(p.extensions().mplsLabels()).extracting(MplsLabelStackEntry::label)
          .containsExactly(label);
    }
    // edge1 rate-limits to a burst of 3: 3 of 10 answered.
    assertThat(hop(r, 6).probes().stream().filter(ProbeResult::answered).count()).isEqualTo(3);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void routerTracedDirectlyAnswersAsAHost(boolean v6) throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    InetAddress r3 = at("linear", "r3", "r2", v6);
    TraceResult r = new dev.hoptrace.core.Tracer(network).trace(
        dev.hoptrace.core.TraceRequest.to(r3).mode(ProbeMode.UNPRIVILEGED).build());

    assertThat(r.reached()).isTrue();
    assertThat(r.hops()).hasSize(3);
    assertThat(hop(r, 3).probes()).allMatch(p -> p.kind().orElseThrow() == ReplyKind.UNREACHABLE
        && p.annotation().isEmpty());
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void addressNoRouterKnowsIsNetworkUnreachableAtTheFirstHop(boolean v6) throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    InetAddress nowhere = InetAddress.ofLiteral(v6 ? "2001:db8:77::1" : "198.18.200.9");
    TraceResult r = new dev.hoptrace.core.Tracer(network).trace(
        dev.hoptrace.core.TraceRequest.to(nowhere).mode(ProbeMode.RAW).build());

    assertThat(r.hops()).hasSize(1);
    assertThat(hop(r, 1).probes().getFirst().annotation()).isEqualTo("!N");
    assertThat(r.stopReason()).isEqualTo(StopReason.UNREACHABLE);
  }
}
