package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.PathMtu;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.anatomy.HopAnatomy;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A continuous trace with {@code --mtu} through the small-mtu scenario (1500 bytes to r2, 1400
 * after it): the MTU is discovered once before the rounds and rides on every snapshot, while the
 * rounds probe at their usual size and so see the whole path without loss.
 */
class LivePathMtuTest {

  private static LiveSnapshot watch(TraceRequest request, List<LiveSnapshot> seen)
      throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("small-mtu"));
    RoundPolicy policy = new RoundPolicy(Duration.ofMillis(200), 3, Duration.ofSeconds(5));
    return new LiveTracer(network).run(request, policy, seen::add, new LiveControl());
  }

  private static TraceRequest.Builder to(boolean v6) {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("small-mtu"));
    return TraceRequest.to(network.destination(v6)).protocol(Protocol.ICMP).probesPerHop(1)
        .maxInFlight(256);
  }

  @Test
  void theDropsAreMarkedOnTheHopsTheyReachedAndTheRoundsKeepTheirSize() throws Exception {
    List<LiveSnapshot> seen = new ArrayList<>();
    LiveSnapshot last = watch(to(false).packetLength(60).discoverMtu(true).build(), seen);

    PathMtu mtu = last.pathMtu().orElseThrow();
    assertThat(mtu.startSize()).isEqualTo(TraceRequest.DEFAULT_MTU_START);
    assertThat(mtu.pathMtu()).isEqualTo(1400);
    assertThat(last.anatomy()).extracting(HopAnatomy::learnedMtu).containsExactly(
        OptionalInt.of(1500), OptionalInt.empty(), OptionalInt.of(1400), OptionalInt.empty());
    assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.pathMtu()).contains(mtu));
    // The rounds: 60-byte probes without Don't Fragment, every hop answering every round.
    assertThat(last.request().discoverMtu()).isFalse();
    assertThat(last.request().packetLength()).isEqualTo(60);
    assertThat(last.rounds()).isEqualTo(3);
    assertThat(last.reached()).isTrue();
    assertThat(last.hops()).extracting(HopSnapshot::received).containsOnly(3L);
  }

  @Test
  void withoutMtuDiscoveryNothingIsMarked() throws Exception {
    LiveSnapshot last = watch(to(true).build(), new ArrayList<>());

    assertThat(last.pathMtu()).isEmpty();
    assertThat(last.anatomy()).allSatisfy(a -> assertThat(a.learnedMtu()).isEmpty());
  }
}
