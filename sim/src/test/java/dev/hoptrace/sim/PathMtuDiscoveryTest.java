package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.hop;
import static dev.hoptrace.sim.Traces.responders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path MTU discovery ({@code --mtu}) through simulated paths whose links narrow: where the MTU
 * drops, to what, who said so, and that the trace goes on past the narrow link at the new size.
 */
class PathMtuDiscoveryTest {
  /** 1500 to r2, 1400 from r2 to r3, 1300 from r3 to the destination. */
  private static final Scenario TWO_DROPS = ScenarioReader.read("""
      name: two-drops
      nodes:
        - {name: client, role: client}
        - {name: r1}
        - {name: r2}
        - {name: r3}
        - {name: dst, role: destination}
      links:
        - {between: client -- r1, delay: 1ms}
        - {between: r1 -- r2, delay: 1ms}
        - {between: r2 -- r3, delay: 1ms, mtu: 1400}
        - {between: r3 -- dst, delay: 1ms, mtu: 1300}
      """, "two-drops");

  static Stream<Arguments> methods() {
    return Stream.of(false, true).flatMap(v6 -> Stream.of(
        Arguments.of(v6, Protocol.UDP, ProbeMode.RAW),
        Arguments.of(v6, Protocol.UDP, ProbeMode.UNPRIVILEGED),
        Arguments.of(v6, Protocol.ICMP, ProbeMode.RAW),
        Arguments.of(v6, Protocol.ICMP, ProbeMode.UNPRIVILEGED),
        Arguments.of(v6, Protocol.TCP, ProbeMode.RAW)));
  }

  @ParameterizedTest(name = "ipv6={0} {1} {2}")
  @MethodSource("methods")
  void theMtuDropsOneHopPastTheRouterBeforeTheNarrowLink(boolean v6, Protocol protocol,
      ProbeMode mode) {
    TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load("small-mtu")), v6,
        protocol, mode, b -> b.discoverMtu(true));

    PathMtu mtu = r.pathMtu().orElseThrow();
    assertThat(mtu.startSize()).isEqualTo(65000);
    assertThat(mtu.pathMtu()).isEqualTo(1400);
    // 65000 is refused by the local stack (the client's link carries 1500), 1500 by r2.
    assertThat(mtu.drops()).extracting(ProbeSize::ttl, ProbeSize::index, ProbeSize::learnedMtu)
        .containsExactly(tuple(1, 0, 1500), tuple(3, 0, 1400));
    assertThat(mtu.drops().get(0).learnedFrom())
        .contains(at("small-mtu", "client", "r1", v6));
    assertThat(mtu.drops().get(1).learnedFrom()).contains(at("small-mtu", "r2", "r1", v6));
    // Past r2 every probe is resent at 1400 and reaches where it was going.
    assertThat(responders(r, 3)).containsExactly(at("small-mtu", "r3", "r2", v6));
    assertThat(hop(r, 3).probes()).noneMatch(p -> p.kind().equals(
        java.util.Optional.of(ReplyKind.PACKET_TOO_BIG)));
    assertThat(r.reached()).isTrue();
    assertThat(mtu.probes()).filteredOn(p -> p.ttl() >= 3).extracting(ProbeSize::size)
        .containsOnly(1400);
    assertThat(mtu.probes()).filteredOn(p -> p.ttl() < 3).extracting(ProbeSize::size)
        .containsOnly(1500);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void everyNarrowerLinkIsADropOfItsOwn(boolean v6) {
    TraceResult r = Traces.trace(new SimulatedNetwork(TWO_DROPS), v6, Protocol.UDP,
        ProbeMode.RAW, b -> b.discoverMtu(true));

    PathMtu mtu = r.pathMtu().orElseThrow();
    assertThat(mtu.drops()).extracting(ProbeSize::ttl, ProbeSize::learnedMtu)
        .containsExactly(tuple(1, 1500), tuple(3, 1400),
            tuple(4, 1300));
    assertThat(mtu.drops().get(2).learnedFrom()).contains(at(TWO_DROPS, "r3", "r2", v6));
    assertThat(mtu.pathMtu()).isEqualTo(1300);
    assertThat(r.reached()).isTrue();
    assertThat(hop(r, 4).probes()).allMatch(ProbeResult::answered);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void manyProbesInFlightOrOneAtATimeFindTheSameDrops(boolean v6) {
    TraceResult wide = Traces.trace(new SimulatedNetwork(TWO_DROPS), v6, Protocol.ICMP,
        ProbeMode.UNPRIVILEGED, b -> b.discoverMtu(true).maxInFlight(64));
    TraceResult single = Traces.trace(new SimulatedNetwork(TWO_DROPS), v6, Protocol.ICMP,
        ProbeMode.UNPRIVILEGED, b -> b.discoverMtu(true).maxInFlight(1));

    assertThat(wide.pathMtu().orElseThrow().drops())
        .isEqualTo(single.pathMtu().orElseThrow().drops());
    assertThat(wide.hops()).hasSameSizeAs(single.hops());
    // One at a time, only the first probe at each size is refused: locally, by r2, by r3.
    assertThat(single.probesSent()).isEqualTo(4 * 3 + 3);
    assertThat(wide.probesSent()).isGreaterThan(single.probesSent());
  }

  @Test
  void aStartBelowThePathMtuFindsNoDrop() {
    TraceResult r = Traces.trace(new SimulatedNetwork(TWO_DROPS), false, Protocol.UDP,
        ProbeMode.UNPRIVILEGED, b -> b.discoverMtu(true).packetLength(1200));

    assertThat(r.pathMtu().orElseThrow().drops()).isEmpty();
    assertThat(r.pathMtu().orElseThrow().pathMtu()).isEqualTo(1200);
    assertThat(r.reached()).isTrue();
  }

  @Test
  void withoutMtuDiscoveryTheTraceIsUnchanged() {
    TraceResult r = Traces.trace(new SimulatedNetwork(TWO_DROPS), true, Protocol.UDP,
        ProbeMode.RAW, b -> b.packetLength(1500));

    assertThat(r.pathMtu()).isEmpty();
    assertThat(hop(r, 3).probes()).allMatch(p -> p.annotation().equals("!F-1400"));
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void aRawProbeLongerThanTheLinkIsRefusedLocallyNotFatally(boolean v6) {
    TraceResult r = Traces.trace(new SimulatedNetwork(TWO_DROPS), v6, Protocol.UDP,
        ProbeMode.RAW, b -> b.packetLength(1600));

    ProbeResult first = hop(r, 1).probes().getFirst();
    assertThat(first.responder()).contains(at(TWO_DROPS, "client", "r1", v6));
    assertThat(first.annotation()).isEqualTo("!F-1500");
  }

  static Stream<Arguments> parisSessions() {
    return Stream.of(false, true).flatMap(v6 -> Stream.of(
        Arguments.of(v6, Protocol.UDP, ProbeMode.RAW),
        Arguments.of(v6, Protocol.ICMP, ProbeMode.RAW),
        Arguments.of(v6, Protocol.ICMP, ProbeMode.UNPRIVILEGED),
        Arguments.of(v6, Protocol.TCP, ProbeMode.RAW)));
  }

  /** Probes of one flow still tell themselves apart when their length changes. */
  @ParameterizedTest(name = "ipv6={0} {1} {2}")
  @MethodSource("parisSessions")
  void parisProbesShrinkToo(boolean v6, Protocol protocol, ProbeMode mode) {
    TraceResult r = Traces.trace(new SimulatedNetwork(TWO_DROPS), v6, protocol, mode,
        b -> b.discoverMtu(true).paris(true));

    assertThat(r.pathMtu().orElseThrow().drops()).extracting(ProbeSize::ttl,
        ProbeSize::learnedMtu).containsExactly(tuple(1, 1500), tuple(3, 1400), tuple(4, 1300));
    assertThat(r.reached()).isTrue();
    assertThat(r.dropped().unmatched()).isZero();
  }

  @Test
  void unprivilegedParisUdpCannotKeepItsIdentityAcrossSizes() {
    SimulatedNetwork network = new SimulatedNetwork(TWO_DROPS);
    assertThatThrownBy(() -> TraceRequest.to(network.destination(false)).paris(true)
        .mode(ProbeMode.UNPRIVILEGED).discoverMtu(true).build())
        .hasMessageContaining("--mtu with --paris UDP needs raw mode");
  }

  @Test
  void unprivilegedTcpCannotChooseItsSize() {
    SimulatedNetwork network = new SimulatedNetwork(TWO_DROPS);
    assertThatThrownBy(() -> TraceRequest.to(network.destination(false))
        .protocol(Protocol.TCP).mode(ProbeMode.UNPRIVILEGED).discoverMtu(true).build())
        .hasMessageContaining("--mtu").hasMessageContaining("raw mode");
    TraceRequest auto = TraceRequest.to(network.destination(false))
        .protocol(Protocol.TCP).discoverMtu(true).build();
    assertThatThrownBy(() -> new Tracer(new SimulatedNetwork(TWO_DROPS, 1, false)).trace(auto))
        .isInstanceOf(NetworkException.class).hasMessageContaining("--mtu");
  }
}
