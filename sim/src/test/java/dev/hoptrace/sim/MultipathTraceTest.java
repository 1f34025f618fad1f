package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.MultipathTracer;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.engine.SessionFlowProber;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.mda.MdaSettings.Variant;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.PathGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MDA over real (simulated) packets: a Paris session's flows, replies tied by the matcher,
 * on per-flow balanced scenarios; the result is checked against the scenario's own graph.
 */
class MultipathTraceTest {

  static Stream<Arguments> everyWay() {
    List<Arguments> all = new ArrayList<>();
    for (MultipathScenarios.Case scenario : MultipathScenarios.all()) {
      for (Protocol protocol : new Protocol[] {Protocol.UDP, Protocol.ICMP}) {
        for (boolean v6 : new boolean[] {false, true}) {
          for (ProbeMode mode : new ProbeMode[] {ProbeMode.RAW, ProbeMode.UNPRIVILEGED}) {
            for (Variant variant : Variant.values()) {
              all.add(Arguments.of(scenario, protocol, v6, mode, variant));
            }
          }
        }
      }
    }
    return all.stream();
  }

  static MultipathTracer.Run trace(SimulatedNetwork network, Protocol protocol, boolean v6,
      ProbeMode mode, MdaSettings settings) throws Exception {
    TraceRequest request = TraceRequest.to(network.destination(v6)).protocol(protocol).mode(mode)
        .build();
    return new MultipathTracer(network).trace(request, settings, 2);
  }

  @ParameterizedTest(name = "{0} {1} ipv6={2} {3} {4}")
  @MethodSource("everyWay")
  void findsEveryInterfaceAndEdgeOfTheScenario(MultipathScenarios.Case scenario,
      Protocol protocol, boolean v6, ProbeMode mode, Variant variant) throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(scenario.scenario());
    MdaSettings settings = MdaSettings.DEFAULTS.withVariant(variant).withConfidence(0.99);

    MultipathTracer.Run run = trace(network, protocol, v6, mode, settings);

    MultipathResult result = run.result();
    assertThat(MultipathScenarios.differences(result, PathGraph.of(scenario.scenario(), v6)))
        .isEmpty();
    assertThat(result.end()).isEqualTo(MultipathResult.End.DESTINATION_REACHED);
    assertThat(result.hops()).noneMatch(hop -> hop.perPacket());
    assertThat(run.packetsSent()).as("nothing silent, nothing retried")
        .isEqualTo(result.probesSent());
    assertThat(run.dropped().unmatched() + run.dropped().late() + run.dropped().duplicate())
        .isZero();
  }

  @Test
  void tcpIsRefusedBeforeAnythingIsSent() {
    SimulatedNetwork network = new SimulatedNetwork(MultipathScenarios.all().getFirst().scenario());
    assertThatThrownBy(() -> trace(network, Protocol.TCP, false, ProbeMode.RAW,
        MdaSettings.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SessionFlowProber.TCP_HAS_ONE_FLOW);
    assertThat(network.packetArrivals()).isZero();
  }
}
