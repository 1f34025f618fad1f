package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.anatomy.PathAnatomy;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import dev.hoptrace.scenario.ScenarioReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code anatomy} scenario in the simulator: a CPE that rewrites the source statelessly (hop
 * 1), an ISP router that re-marks DSCP 46 (hop 2), a core router that reports its interface
 * (hop 3, RFC 5837). Each shows at the hop after the router that did it, except the interface,
 * which is the core router's own.
 */
class PathAnatomyScenarioTest {

  @ParameterizedTest
  @CsvSource({"UDP, false", "UDP, true", "TCP, false", "ICMP, false", "ICMP, true"})
  void rawModeShowsTheNatAndTheRemarkingAtTheHopAfterThem(Protocol protocol, boolean v6) {
    TraceResult result = Traces.trace("anatomy", v6, protocol, ProbeMode.RAW);

    assertThat(result.reached()).isTrue();
    assertThat(result.hops()).hasSize(5);
    List<HopAnatomy> anatomy = PathAnatomy.ofHops(result.hops(), 0);
    assertThat(anatomy).extracting(a -> a.nat().isPresent())
        .containsExactly(false, true, false, false, false);
    assertThat(anatomy.get(1).nat().orElseThrow().translatedSource())
        .contains(at("anatomy", "cpe", "isp", v6));
    assertThat(anatomy).extracting(a -> a.tos().map(HopAnatomy.TosChange::dscp))
        .containsExactly(Optional.empty(), Optional.empty(), Optional.of(46), Optional.empty(),
            Optional.empty());
    assertThat(anatomy).allMatch(a -> a.quotedTtl().isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"RAW, false", "RAW, true", "UNPRIVILEGED, false", "UNPRIVILEGED, true"})
  void aRouterNamesItsInterfaceInItsTimeExceeded(ProbeMode mode, boolean v6) {
    Scenario scenario = ScenarioReader.read("""
        name: rfc5837
        nodes:
          - {name: client, role: client}
          - {name: r1}
          - {name: core, interfaces: [{ifindex: 7, name: xe-0/0/1, address: 198.18.2.2, mtu: 1500},
              {role: outgoing, ifindex: 9}]}
          - {name: dst, role: destination}
        links: [client -- r1, r1 -- core, core -- dst]
        """, "rfc5837.yaml");
    List<InterfaceInformation> expected = scenario.node("core").router().interfaces();

    TraceResult result = Traces.trace(new SimulatedNetwork(scenario), v6, Protocol.UDP, mode,
        b -> b);

    assertThat(Traces.hop(result, 2).probes()).allSatisfy(p ->
        assertThat(p.extensions().interfaces()).isEqualTo(expected));
    assertThat(Traces.hop(result, 1).probes()).allSatisfy(p ->
        assertThat(p.extensions().isEmpty()).isTrue());
  }

  @Test
  void aMasqueradeTranslatesTheQuoteBackSoNothingShows() {
    TraceResult result = Traces.trace("nat", false, Protocol.UDP, ProbeMode.RAW);

    assertThat(result.reached()).isTrue();
    assertThat(PathAnatomy.ofHops(result.hops(), 0)).allMatch(HopAnatomy::isEmpty);
  }

  @Test
  void unprivilegedSocketsHearNothingPastAStatelessNatAsOnLinux() {
    TraceResult result = Traces.trace("anatomy", false, Protocol.UDP, ProbeMode.UNPRIVILEGED);

    assertThat(Traces.hop(result, 1).silent()).isFalse();
    assertThat(result.hops().stream().skip(1)).allMatch(h -> h.silent());
    assertThat(PathAnatomy.ofHops(result.hops(), 0)).allMatch(HopAnatomy::isEmpty);
  }

  @Test
  void aTosSentOtherThanZeroIsComparedWithWhatWasSent() {
    TraceResult result = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load("anatomy")), false,
        Protocol.UDP, ProbeMode.RAW, b -> b.tos(0x20));

    List<HopAnatomy> anatomy = PathAnatomy.ofHops(result.hops(), 0x20);

    assertThat(anatomy.get(2).tos()).contains(new HopAnatomy.TosChange(0x20, 0xb8));
    assertThat(anatomy.get(0).tos()).isEmpty();
    assertThat(anatomy.get(2).returnHops()).isEqualTo(OptionalInt.empty());
  }

  @Test
  void aContinuousTraceShowsTheSameAnatomyInItsSnapshot() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("anatomy"));
    dev.hoptrace.core.TraceRequest request = dev.hoptrace.core.TraceRequest
        .to(network.destination(false)).protocol(Protocol.UDP).mode(ProbeMode.RAW)
        .probesPerHop(1).build();
    dev.hoptrace.core.live.LiveSnapshot last = new dev.hoptrace.core.live.LiveTracer(network).run(
        request, new dev.hoptrace.core.live.RoundPolicy(java.time.Duration.ofMillis(200), 3,
            java.time.Duration.ofSeconds(2)),
        dev.hoptrace.core.live.LiveListener.NONE, new dev.hoptrace.core.live.LiveControl());

    List<HopAnatomy> anatomy = last.anatomy();
    assertThat(anatomy).hasSize(5);
    assertThat(anatomy).extracting(a -> a.nat().isPresent())
        .containsExactly(false, true, false, false, false);
    assertThat(anatomy.get(2).tos()).contains(new HopAnatomy.TosChange(0, 0xb8));
    assertThat(last.hops().get(2).responders().getFirst().extensions().interfaces())
        .hasSize(1);
  }
}
