package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Diagnosis;
import dev.hoptrace.core.diagnosis.DirectCheck;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.diagnosis.Finding.Kind;
import dev.hoptrace.core.live.DirectChecker;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveListener;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.live.LiveTracer;
import dev.hoptrace.core.live.RoundPolicy;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Continuous traces through the library's scenarios, in virtual time: the statistics and the
 * diagnosis must say what each scenario was built to show.
 */
class LiveDiagnosisTest {

  private record Watched(LiveSnapshot last, List<Finding> findings, Map<Integer, DirectCheck> checks) {}

  private static Watched watch(String scenario, Protocol protocol, Duration interval, int rounds)
      throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load(scenario));
    TraceRequest request = TraceRequest.to(network.destination(false)).protocol(protocol)
        .probesPerHop(1).maxInFlight(256).build();
    RoundPolicy policy = new RoundPolicy(interval, rounds, Duration.ofSeconds(5));
    LiveSnapshot last = new LiveTracer(network).run(request, policy, LiveListener.NONE,
        new LiveControl());
    Map<Integer, DirectCheck> checks =
        new DirectChecker(network).check(request, Diagnosis.suspects(last.hops()));
    return new Watched(last, Diagnosis.of(request, last.hops(), checks), checks);
  }

  private static HopSnapshot hop(Watched w, int ttl) {
    return w.last().hops().get(ttl - 1);
  }

  @Test
  void aRouterThatRateLimitsItsErrorsIsToldApartFromLoss() throws Exception {
    // Five rounds a second against a router that sends two errors a second.
    Watched w = watch("rate-limited", Protocol.ICMP, Duration.ofMillis(200), 100);

    assertThat(hop(w, 3).lossPercent()).isBetween(50.0, 70.0);
    assertThat(hop(w, 4).lossPercent()).isZero();
    assertThat(w.last().destinationTtl()).isEqualTo(5);
    assertThat(hop(w, 5).lossPercent()).isZero();
    // The router answers every echo sent to it: its errors are limited, not the traffic.
    assertThat(w.checks()).containsKey(3);
    assertThat(w.checks().get(3).answered()).isEqualTo(DirectChecker.ECHOES);
    assertThat(w.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
      assertThat(f.ttl()).isEqualTo(3);
    });
    assertThat(w.findings()).noneMatch(f -> f.kind() == Kind.FORWARD_LOSS);
  }

  @Test
  void lossOnALinkShowsAtEveryHopBeyondItAndIsCalledForwardLoss() throws Exception {
    Watched w = watch("lossy", Protocol.ICMP, Duration.ofSeconds(1), 200);

    // 10 % each way on the link before hop 3: about 19 % of round trips fail from there on.
    assertThat(hop(w, 2).lossPercent()).isZero();
    for (int ttl = 3; ttl <= 5; ttl++) {
      assertThat(hop(w, ttl).lossPercent()).as("hop %d", ttl).isBetween(10.0, 30.0);
    }
    assertThat(w.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.FORWARD_LOSS);
      assertThat(f.ttl()).isEqualTo(3);
    });
    assertThat(w.findings()).noneMatch(f -> f.kind() == Kind.RATE_LIMITED && f.ttl() >= 3);
  }

  @Test
  void aSilentRouterIsNamedAndThePathBeyondItCounts() throws Exception {
    Watched w = watch("silent-hop", Protocol.UDP, Duration.ofSeconds(1), 10);

    assertThat(hop(w, 3).received()).isZero();
    assertThat(hop(w, 3).sent()).isEqualTo(10);
    assertThat(w.last().reached()).isTrue();
    assertThat(w.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.SILENT_HOP);
      assertThat(f.ttl()).isEqualTo(3);
    });
    assertThat(w.findings()).noneMatch(f -> f.kind() == Kind.FORWARD_LOSS);
  }

  @Test
  void aFirewalledDestinationGetsAdviceForTheProbeKindThatWouldPass() throws Exception {
    Watched udp = watch("firewalled-destination", Protocol.UDP, Duration.ofSeconds(1), 10);
    Watched icmp = watch("firewalled-destination", Protocol.ICMP, Duration.ofSeconds(1), 10);

    assertThat(udp.last().reached()).isFalse();
    assertThat(udp.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.DESTINATION_SILENT);
      assertThat(f.message()).contains("UDP").contains("-T");
    });
    assertThat(icmp.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(Kind.DESTINATION_SILENT);
      assertThat(f.message()).contains("-T -p 443");
    });
    assertThat(udp.findings()).noneMatch(f -> f.kind() == Kind.FORWARD_LOSS);
  }

  @Test
  void aDayOfRoundsAtTenASecondRunsInFixedMemory() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    TraceRequest request = TraceRequest.to(network.destination(false)).protocol(Protocol.ICMP)
        .probesPerHop(1).maxInFlight(256).build();
    long[] retained = new long[2];
    LiveListener measure = snapshot -> {
      long r = snapshot.rounds();
      if (r == 100_000 || r == 800_000) {
        retained[r == 100_000 ? 0 : 1] = usedHeapAfterGc();
      }
    };
    // 24 h at 10 rounds/s: 864,000 rounds, 4.3 M probes, the probe sequence wrapped 66 times.
    RoundPolicy policy = new RoundPolicy(Duration.ofMillis(100), 864_000, Duration.ofSeconds(5));

    LiveSnapshot last = new LiveTracer(network).run(request, policy, measure, new LiveControl());

    assertThat(last.rounds()).isEqualTo(864_000);
    assertThat(last.hops()).allSatisfy(h -> assertThat(h.received()).isEqualTo(864_000));
    assertThat(retained[1] - retained[0]).as("heap growth from round 100k to 800k")
        .isLessThan(4L << 20);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
