package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.hop;
import static dev.hoptrace.sim.Traces.responders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadBalancingTest {

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void classicUdpTraceSeesBothBranchesOfAPerFlowDiamond(boolean v6) {
    // Classic UDP changes the destination port every probe: every probe is a new flow.
    TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load("ecmp-diamond")), v6,
        Protocol.UDP, ProbeMode.UNPRIVILEGED, b -> b.probesPerHop(10));

    String d = "ecmp-diamond";
    assertThat(responders(r, 2)).containsExactlyInAnyOrder(
        at(d, "r2a", "r1", v6), at(d, "r2b", "r1", v6));
    assertThat(responders(r, 3)).containsExactlyInAnyOrder(
        at(d, "r3a", "r2a", v6), at(d, "r3b", "r2b", v6));
    assertThat(responders(r, 4)).containsExactlyInAnyOrder(
        at(d, "r4", "r3a", v6), at(d, "r4", "r3b", v6));
    assertThat(responders(r, 5)).containsExactly(at(d, "dst", "r4", v6));
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void oneFlowStaysOnOneBranchAtEveryTtl(boolean v6) {
    // Raw UDP with a fixed port: ports, addresses and flow label stay constant (the checksum
    // carries the probe's identity and is not hashed), so every probe takes the same branch.
    String d = "ecmp-diamond";
    Set<List<InetAddress>> paths = new HashSet<>();
    for (int port = 33434; port < 33434 + 16; port++) {
      int p = port;
      TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load(d)), v6,
          Protocol.UDP, ProbeMode.RAW, b -> b.fixedPort(true).port(p).probesPerHop(5));
      for (int ttl = 2; ttl <= 4; ttl++) {
        assertThat(responders(r, ttl)).as("port %d hop %d", p, ttl).hasSize(1);
      }
      boolean viaA = responders(r, 2).contains(at(d, "r2a", "r1", v6));
      assertThat(responders(r, 3)).containsExactly(
          viaA ? at(d, "r3a", "r2a", v6) : at(d, "r3b", "r2b", v6));
      assertThat(responders(r, 4)).containsExactly(
          viaA ? at(d, "r4", "r3a", v6) : at(d, "r4", "r3b", v6));
      paths.add(List.of(responders(r, 2).iterator().next(), responders(r, 3).iterator().next()));
    }
    assertThat(paths).as("different flows take different branches").hasSize(2);
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void wideBalancerSpreadsFlowsOverAllFourNextHops(boolean v6) {
    String w = "ecmp-wide";
    Set<InetAddress> seen = new HashSet<>();
    for (int start = 33434; start < 33434 + 50; start += 10) {
      int p = start;
      TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load(w)), v6,
          Protocol.UDP, ProbeMode.UNPRIVILEGED, b -> b.port(p).probesPerHop(10));
      seen.addAll(responders(r, 2));
    }
    assertThat(seen).containsExactlyInAnyOrder(at(w, "r2a", "r1", v6), at(w, "r2b", "r1", v6),
        at(w, "r2c", "r1", v6), at(w, "r2d", "r1", v6));
  }

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void perPacketBalancerAlternatesEvenWithinOneFlow(boolean v6) {
    String pp = "per-packet";
    TraceResult r = Traces.trace(new SimulatedNetwork(ScenarioLibrary.load(pp)), v6,
        Protocol.UDP, ProbeMode.RAW, b -> b.fixedPort(true).probesPerHop(6).maxInFlight(1));

    List<InetAddress> hop2 = hop(r, 2).probes().stream()
        .map(ProbeResult::responder).map(java.util.Optional::orElseThrow).toList();
    for (int i = 1; i < hop2.size(); i++) {
      assertThat(hop2.get(i)).as("probe %d", i).isNotEqualTo(hop2.get(i - 1));
    }
    assertThat(hop2).containsOnly(at(pp, "r2a", "r1", v6), at(pp, "r2b", "r1", v6));
  }
}
