package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.bulk.BulkEngine;
import dev.hoptrace.core.bulk.BulkSettings;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkSummary;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk traces in the simulator against one-by-one traces of the same destinations: the same hops,
 * the same responders, the same ends; and the rate and the order of probes as promised.
 */
class BulkTraceTest {
  private static final Duration WAIT = Duration.ofSeconds(2);

  /** Every address of every router and destination of the scenario. */
  private static List<InetAddress> everyAddress(Scenario scenario, boolean v6) {
    Set<InetAddress> all = new LinkedHashSet<>();
    for (Link link : scenario.links()) {
      for (String end : List.of(link.a(), link.b())) {
        if (scenario.nodes().get(end).role() != Node.Role.CLIENT) {
          all.add(AddressPlan.of(link, end, v6));
        }
      }
    }
    return new ArrayList<>(all);
  }

  private static BulkSettings settings(TargetTable targets, Protocol protocol, boolean paris,
      double rate) {
    int port = switch (protocol) {
      case UDP -> 33434;
      case TCP -> TraceRequest.DEFAULT_TCP_PORT;
      case ICMP -> 1;
    };
    BulkSpec spec = new BulkSpec(targets, protocol, ProbeMode.RAW, paris, port,
        BulkSpec.defaultLength(protocol, targets.ipv6()), 0, 0x5eedL);
    return new BulkSettings(spec, 1, 30, 3, 5, rate, WAIT, 64, 99);
  }

  private static Map<InetAddress, TraceResult> bulk(SimulatedNetwork network,
      BulkSettings settings) throws NetworkException {
    Map<InetAddress, TraceResult> results = new LinkedHashMap<>();
    try (BulkTransport transport = network.openBulk(settings.spec())) {
      BulkSummary summary = new BulkEngine(transport, settings,
          r -> assertThat(results.put(r.request().destination(), r)).isNull()).run();
      assertThat(summary.completed()).isEqualTo(settings.spec().targets().size());
    }
    return results;
  }

  private static TraceResult oneByOne(SimulatedNetwork network, InetAddress destination,
      Protocol protocol, boolean paris) throws NetworkException {
    TraceRequest request = TraceRequest.to(destination).protocol(protocol).mode(ProbeMode.RAW)
        .paris(paris).replyWait(new WaitPolicy(WAIT, 0, 0, Duration.ZERO)).build();
    return new Tracer(network).trace(request);
  }

  /** Per hop, per probe: who answered (empty for none). */
  private static List<List<Optional<InetAddress>>> path(TraceResult result) {
    List<List<Optional<InetAddress>>> path = new ArrayList<>();
    for (Hop hop : result.hops()) {
      path.add(hop.probes().stream().map(ProbeResult::responder).toList());
    }
    return path;
  }

  @ParameterizedTest
  @CsvSource({
      "linear, UDP, false, false",
      "linear, ICMP, true, false",
      "linear, UDP, true, true",
      "silent-hop, UDP, false, false",
      "unreachable, UDP, false, false",
      "firewall, ICMP, false, false",
      "firewalled-destination, UDP, true, false",
      "short-quote, UDP, false, false",
      "short-quote, UDP, true, false",
      "short-quote, ICMP, false, false",
      "short-quote, ICMP, true, false",
      "short-quote, UDP, false, true",
      "short-quote, ICMP, false, true",
      "short-quote, ICMP, true, true",
      "linear, TCP, false, false",
      "linear, TCP, true, true",
      "silent-hop, TCP, false, false",
      "unreachable, TCP, false, false",
      "firewall, TCP, false, false",
      "firewalled-destination, TCP, true, false",
      "short-quote, TCP, false, false",
      "short-quote, TCP, true, false",
      "short-quote, TCP, false, true",
      "short-quote, TCP, true, true",
  })
  void sameHopsAndRespondersAsOneByOneTraces(String name, Protocol protocol, boolean paris,
      boolean v6) throws Exception {
    Scenario scenario = ScenarioLibrary.load(name);
    List<InetAddress> addresses = everyAddress(scenario, v6);
    TargetTable targets = TargetTable.of(addresses);
    Map<InetAddress, TraceResult> bulk =
        bulk(new SimulatedNetwork(scenario), settings(targets, protocol, paris, 200));
    assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(addresses);
    for (InetAddress destination : addresses) {
      TraceResult single = oneByOne(new SimulatedNetwork(scenario), destination, protocol, paris);
      TraceResult many = bulk.get(destination);
      assertThat(path(many)).as("hops to %s", destination).isEqualTo(path(single));
      assertThat(many.stopReason()).as("end of %s", destination).isEqualTo(single.stopReason());
      assertThat(many.reached()).isEqualTo(single.reached());
      assertThat(many.request().destination()).isEqualTo(destination);
    }
  }

  @Test
  void aRouterQuotingEightBytesAnswersEveryProbe() throws Exception {
    Scenario scenario = ScenarioLibrary.load("short-quote");
    InetAddress destination = AddressPlan.destination(scenario, false);
    for (Protocol protocol : List.of(Protocol.UDP, Protocol.ICMP, Protocol.TCP)) {
      for (boolean paris : List.of(false, true)) {
        BulkSettings settings =
            settings(TargetTable.of(List.of(destination)), protocol, paris, 100);
        try (BulkTransport transport = new SimulatedNetwork(scenario).openBulk(settings.spec())) {
          List<TraceResult> results = new ArrayList<>();
          BulkSummary summary = new BulkEngine(transport, settings, results::add).run();
          assertThat(summary.unmatched()).as("%s paris %s", protocol, paris).isZero();
          Hop second = results.getFirst().hops().get(1);
          assertThat(second.responders()).containsExactly(Traces.at(scenario, "r2", "r1", false));
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"false", "true"})
  void tcpTracesEndWithTheDestinationsOwnAnswerAsOneByOne(boolean v6) throws Exception {
    // Every hop quotes 8 bytes at most in short-quote; the destination answers with a segment.
    Scenario scenario = ScenarioLibrary.load("short-quote");
    InetAddress destination = AddressPlan.destination(scenario, v6);
    BulkSettings settings =
        settings(TargetTable.of(List.of(destination)), Protocol.TCP, false, 100);
    List<TraceResult> results = new ArrayList<>();
    BulkSummary summary;
    try (BulkTransport transport = new SimulatedNetwork(scenario).openBulk(settings.spec())) {
      summary = new BulkEngine(transport, settings, results::add).run();
    }
    TraceResult single =
        oneByOne(new SimulatedNetwork(scenario), destination, Protocol.TCP, false);
    TraceResult many = results.getFirst();
    assertThat(summary.unmatched()).isZero();
    assertThat(many.reached()).isTrue();
    Hop last = many.hops().getLast();
    assertThat(last.probes()).allSatisfy(p -> {
      assertThat(p.responder()).contains(destination);
      assertThat(p.icmpType()).isEqualTo(-1);
    });
    assertThat(last.probes().stream().map(ProbeResult::kind).toList()).isEqualTo(
        single.hops().getLast().probes().stream().map(ProbeResult::kind).toList());
    assertThat(last.probes().getFirst().kind().orElseThrow())
        .isIn(ReplyKind.TCP_OPEN, ReplyKind.TCP_REFUSED);
  }

  @Test
  void aTcpProbesRoundTripIsTheNetworksFromTheSendTimeNotedAtSending() throws Exception {
    // 44.5 ms each way to dst (plus up to 0.8 ms of jitter): the SYN carries no stamp.
    Scenario scenario = ScenarioLibrary.load("transatlantic");
    InetAddress destination = AddressPlan.destination(scenario, false);
    BulkSettings settings =
        settings(TargetTable.of(List.of(destination)), Protocol.TCP, false, 100);
    List<TraceResult> results = new ArrayList<>();
    try (BulkTransport transport = new SimulatedNetwork(scenario).openBulk(settings.spec())) {
      new BulkEngine(transport, settings, results::add).run();
    }
    assertThat(results.getFirst().reached()).isTrue();
    assertThat(results.getFirst().hops().getLast().probes()).allSatisfy(p ->
        assertThat(p.rttNanos()).isBetween(87_000_000L, 92_000_000L));
  }

  @Test
  void aParisUdpProbeQuotedShortOverIpv6IsCountedNotGuessed() throws Exception {
    // Paris holds the ports and IPv6 has no IP ID: 8 quoted bytes cannot tell the probes apart.
    Scenario scenario = ScenarioLibrary.load("short-quote");
    InetAddress destination = AddressPlan.destination(scenario, true);
    BulkSettings settings = settings(TargetTable.of(List.of(destination)), Protocol.UDP, true, 100);
    try (BulkTransport transport = new SimulatedNetwork(scenario).openBulk(settings.spec())) {
      List<TraceResult> results = new ArrayList<>();
      BulkSummary summary = new BulkEngine(transport, settings, results::add).run();
      assertThat(summary.unmatched()).isEqualTo(3);
      assertThat(results.getFirst().hops().get(1).responders()).isEmpty();
      assertThat(results.getFirst().reached()).isTrue();
    }
  }

  @Test
  void unreachableAndSilentHopsEndAsAUserExpects() throws Exception {
    Scenario scenario = ScenarioLibrary.load("unreachable");
    InetAddress destination = AddressPlan.destination(scenario, false);
    TraceResult result = bulk(new SimulatedNetwork(scenario),
        settings(TargetTable.of(List.of(destination)), Protocol.UDP, false, 100))
        .get(destination);
    assertThat(result.stopReason()).isEqualTo(StopReason.UNREACHABLE);
    // r3 is hop 3; probes that get past its TTL check are rejected by it at TTL 4.
    Hop last = result.hops().getLast();
    assertThat(last.ttl()).isEqualTo(4);
    assertThat(last.probes()).allMatch(p -> p.annotation().equals("!H"));
    assertThat(last.responders()).containsExactly(Traces.at(scenario, "r3", "r2", false));
    assertThat(result.reached()).isFalse();
  }

  /** Wraps a transport and records what it sends, in virtual time. */
  private static final class Recording implements BulkTransport {
    final BulkTransport inner;
    final List<long[]> sent = new ArrayList<>();

    Recording(BulkTransport inner) {
      this.inner = inner;
    }

    @Override public SessionInfo info() { return inner.info(); }
    @Override public long now() { return inner.now(); }
    @Override public void receive(ReplyBatch r, long deadline) throws NetworkException {
      inner.receive(r, deadline);
    }
    @Override public void close() { inner.close(); }

    @Override
    public int send(ProbeBatch batch) throws NetworkException {
      int n = inner.send(batch);
      for (int i = 0; i < n; i++) {
        sent.add(new long[] {batch.sentAt[i], batch.target[i], batch.ttl[i]});
      }
      return n;
    }
  }

  @Test
  void neverFasterThanTheRateAndSpreadOverDestinations() throws Exception {
    Scenario scenario = ScenarioLibrary.load("linear");
    TargetTable targets = TargetTable.of(everyAddress(scenario, false));
    BulkSettings settings = settings(targets, Protocol.UDP, false, 50);
    SimulatedNetwork network = new SimulatedNetwork(scenario);
    Recording recording = new Recording(network.openBulk(settings.spec()));
    new BulkEngine(recording, settings, r -> {}).run();
    List<long[]> sent = recording.sent;
    assertThat(sent.size()).isGreaterThan(150);
    int busiest = 0;
    for (int i = 0, j = 0; i < sent.size(); i++) {
      while (j < sent.size() && sent.get(j)[0] < sent.get(i)[0] + 1_000_000_000L) {
        j++;
      }
      busiest = Math.max(busiest, j - i);
    }
    // At the ceiling while there is work, never above it by more than 5 %.
    assertThat(busiest).isBetween(45, 52);
    // Random order: a probe rarely follows one to the same destination at the next TTL.
    int sequential = 0;
    for (int i = 1; i < sent.size(); i++) {
      if (sent.get(i)[1] == sent.get(i - 1)[1] && sent.get(i)[2] == sent.get(i - 1)[2] + 1) {
        sequential++;
      }
    }
    assertThat(sequential).isLessThan(sent.size() / 10);
  }
}
