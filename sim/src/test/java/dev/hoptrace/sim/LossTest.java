package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.hop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;

class LossTest {

  @Test
  void lossyLinkLosesRepliesBeyondItWithinBinomialBounds() {
    // The r2--r3 link loses 10% each way: a probe to hop 3 or beyond crosses it twice, so it is
    // answered with probability 0.9 * 0.9 = 0.81. Hops before it lose nothing.
    Scenario lossy = ScenarioLibrary.load("lossy");
    int probes = 0;
    int answered = 0;
    for (long seed = 1; seed <= 60; seed++) {
      TraceResult r = Traces.trace(new SimulatedNetwork(lossy, seed, true), false, Protocol.UDP,
          ProbeMode.UNPRIVILEGED, b -> b.probesPerHop(10));
      assertThat(hop(r, 1).probes()).allMatch(ProbeResult::answered);
      assertThat(hop(r, 2).probes()).allMatch(ProbeResult::answered);
      for (ProbeResult p : hop(r, 3).probes()) {
        probes++;
        answered += p.answered() ? 1 : 0;
      }
    }
    double mean = probes * 0.81;
    double sd = Math.sqrt(probes * 0.81 * 0.19);
    assertThat((double) answered).isBetween(mean - 4 * sd, mean + 4 * sd);
  }

  @Test
  void sameSeedSameLossesOtherSeedOtherLosses() {
    Scenario lossy = ScenarioLibrary.load("lossy");
    TraceResult a = Traces.trace(new SimulatedNetwork(lossy, 7, true), false, Protocol.ICMP,
        ProbeMode.RAW, b -> b.probesPerHop(10));
    TraceResult b = Traces.trace(new SimulatedNetwork(lossy, 7, true), false, Protocol.ICMP,
        ProbeMode.RAW, o -> o.probesPerHop(10));
    TraceResult c = Traces.trace(new SimulatedNetwork(lossy, 8, true), false, Protocol.ICMP,
        ProbeMode.RAW, o -> o.probesPerHop(10));

    assertThat(b.hops()).isEqualTo(a.hops());
    assertThat(c.hops()).isNotEqualTo(a.hops());
  }
}
