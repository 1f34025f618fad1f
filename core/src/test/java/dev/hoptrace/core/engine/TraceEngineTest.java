package dev.hoptrace.core.engine;

import static dev.hoptrace.core.ScriptedNetwork.destination;
import static dev.hoptrace.core.ScriptedNetwork.router;
import static dev.hoptrace.core.ScriptedNetwork.silent;
import static dev.hoptrace.core.ScriptedNetwork.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.ScriptedNetwork;
import dev.hoptrace.core.ScriptedNetwork.HopBehaviour;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.Tracer;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.WireKey;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceEngineTest {
  private static final long MS = 1_000_000L;
  static final InetAddress DEST = addr("198.18.9.2");

  static InetAddress addr(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static InetAddress hop(int n) {
    return addr("198.18." + n + ".1");
  }

  /** Routers 1..n-1 answering at n ms each, the destination at hop n. */
  static List<HopBehaviour> chain(int n) {
    List<HopBehaviour> path = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      path.add(router(hop(i), i * MS));
    }
    path.add(destination(DEST, n * MS));
    return path;
  }

  static TraceResult trace(ScriptedNetwork net, TraceRequest request) throws NetworkException {
    return new Tracer(net).trace(request);
  }

  static TraceRequest.Builder request() {
    return TraceRequest.to(DEST);
  }

  @Test
  void allAnsweringPathGivesEveryHopInOrderAndStopsAtTheDestination() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(7), destination(DEST, 7 * MS));
    TraceResult result = trace(net, request().build());

    assertThat(result.hops()).extracting(Hop::ttl).containsExactly(1, 2, 3, 4, 5, 6, 7);
    for (int i = 1; i <= 6; i++) {
      assertThat(result.hops().get(i - 1).responders()).containsExactly(hop(i));
    }
    assertThat(result.hops().get(6).responders()).containsExactly(DEST);
    assertThat(result.reached()).isTrue();
    assertThat(result.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
    assertThat(result.hops().get(2).probes()).extracting(ProbeResult::rttNanos)
        .containsOnly(3 * MS);
    assertThat(result.hops().get(6).probes()).allMatch(ProbeResult::isFinal)
        .extracting(ProbeResult::annotation).containsOnly("");
    // One round trip of the longest path plus a little: not hops x timeout.
    assertThat(result.elapsedNanos()).isLessThan(50 * MS);
  }

  @Test
  void probesPastTheDestinationAreNotReported() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    TraceResult result = trace(net, request().build());

    assertThat(result.hops()).hasSize(3);
    assertThat(net.sent).as("16 in flight: some probes went past the destination")
        .anyMatch(s -> s.probe().ttl() > 3);
    assertThat(result.dropped()).as("their replies are expected, not drops").isEqualTo(DropCounts.NONE);
  }

  @Test
  void silentTailStopsAtTheGapLimitAfterOneShortWait() throws Exception {
    List<HopBehaviour> path = new ArrayList<>(chain(7).subList(0, 4));
    ScriptedNetwork net = new ScriptedNetwork(path, silent());
    TraceResult result = trace(net, request().build());

    assertThat(result.stopReason()).isEqualTo(StopReason.GAP_LIMIT);
    assertThat(result.reached()).isFalse();
    assertThat(result.hops()).extracting(Hop::ttl).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(result.hops().subList(4, 9)).allMatch(Hop::silent);
    assertThat(net.sent).noneMatch(s -> s.probe().ttl() > 9);
    // max(1 s floor, 10 x 4 ms): about one second, where a fixed 5 s wait would take 5.
    assertThat(result.elapsedNanos()).isBetween(1000 * MS, 1100 * MS);
  }

  @Test
  void silentMiddleHopIsGivenUpOnOnceLaterHopsAnswer() throws Exception {
    List<HopBehaviour> path = chain(7);
    path.set(2, silent());
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 7 * MS));
    TraceResult result = trace(net, request().build());

    assertThat(result.hops().get(2).silent()).isTrue();
    assertThat(result.hops().get(2).probes()).extracting(ProbeResult::rttNanos).containsOnly(-1L);
    assertThat(result.reached()).isTrue();
    // NEAR rule: 10 x the slowest later hop RTT (7 ms) = 70 ms, not 5 s.
    assertThat(result.elapsedNanos()).isBetween(60 * MS, 90 * MS);
  }

  @Test
  void bareWaitIsTheClassicFixedWait() throws Exception {
    List<HopBehaviour> path = chain(5);
    path.set(1, silent());
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 5 * MS));
    WaitPolicy fixed = new WaitPolicy(Duration.ofSeconds(2), 0, 0, Duration.ZERO);
    TraceResult result = trace(net, request().replyWait(fixed).build());

    assertThat(result.hops().get(1).silent()).isTrue();
    assertThat(result.elapsedNanos()).isBetween(2000 * MS, 2010 * MS);
  }

  @Test
  void neverMoreProbesInFlightThanAsked() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(12), destination(DEST, 12 * MS));
    trace(net, request().maxInFlight(4).gapLimit(30).build());
    assertThat(net.maxOutstandingSeen).isEqualTo(4);
  }

  @Test
  void theWindowStaysWithinWhatTheSessionsReceiveBufferHolds() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(12), destination(DEST, 12 * MS));
    net.windowLimit = 3;
    TraceResult result = trace(net, request().maxInFlight(16).gapLimit(30).build());
    assertThat(net.maxOutstandingSeen).isEqualTo(3);
    assertThat(result.reached()).isTrue();
    assertThat(result.hops()).hasSize(12);
  }

  @Test
  void repliesThatPiledUpDuringAPauseAreReadBeforeAnyProbeIsGivenUp() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(5), destination(DEST, 5 * MS));
    // Stopped 1 ms in, for 3 s: every reply arrives meanwhile, and each read takes two.
    net.stall(MS, 3_000 * MS);
    net.repliesPerReceive = 2;
    WaitPolicy fixed = new WaitPolicy(Duration.ofSeconds(1), 0, 0, Duration.ZERO);
    TraceResult result = trace(net, request().replyWait(fixed).build());
    assertThat(result.hops()).hasSize(5)
        .allSatisfy(h -> assertThat(h.probes()).allMatch(ProbeResult::answered));
    assertThat(result.dropped().late()).isZero();
  }

  @Test
  void unreachableHopStopsTheTraceWithItsAnnotation() throws Exception {
    List<HopBehaviour> path = chain(3);
    path.set(2, unreachable(hop(3), 1, 3 * MS));
    ScriptedNetwork net = new ScriptedNetwork(path, silent());
    TraceResult result = trace(net, request().build());

    assertThat(result.hops()).hasSize(3);
    assertThat(result.hops().get(2).probes()).extracting(ProbeResult::annotation).containsOnly("!H");
    assertThat(result.reached()).isFalse();
    assertThat(result.stopReason()).isEqualTo(StopReason.UNREACHABLE);
  }

  @Test
  void replyAfterTheWaitIsLateNotAnAnswer() throws Exception {
    List<HopBehaviour> path = new ArrayList<>();
    path.add(router(hop(1), 100 * MS)); // slower than 10 x the 2 ms of hop 2
    path.add(router(hop(2), 2 * MS));
    ScriptedNetwork net = new ScriptedNetwork(path, silent()); // a silent tail keeps the trace open
    TraceResult result = trace(net, request().build());

    assertThat(result.hops().get(0).silent()).isTrue();
    assertThat(result.hops().get(1).responders()).containsExactly(hop(2));
    assertThat(result.dropped().late()).isEqualTo(3);
    assertThat(result.dropped().unmatched()).isZero();
  }

  @Test
  void forgedAndForeignRepliesAreDroppedAndCounted() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    InetAddress evil = addr("198.18.66.6");
    // Sequence 0 is the first probe (TTL 1), answered by router 1 after 1 ms: a forged reply
    // quoting it with another destination, and one quoting a probe that was never sent.
    net.injected.add(new ScriptedNetwork.Injected(MS / 2,
        ScriptedNetwork.reply(new WireKey(0, 33434, 0), addr("198.18.77.7"), evil,
            ReplyKind.TIME_EXCEEDED, MS / 2)));
    net.injected.add(new ScriptedNetwork.Injected(MS / 2,
        ScriptedNetwork.reply(new WireKey(0, 40000, 999), DEST, evil, ReplyKind.TIME_EXCEEDED,
            MS / 2)));
    // A duplicate of the real answer to sequence 1 arriving after it.
    net.injected.add(new ScriptedNetwork.Injected(2 * MS,
        ScriptedNetwork.reply(new WireKey(0, 33435, 1), DEST, hop(1), ReplyKind.TIME_EXCEEDED,
            2 * MS)));
    TraceResult result = trace(net, request().build());

    assertThat(result.hops()).flatExtracting(Hop::responders).doesNotContain(evil);
    assertThat(result.dropped().unmatched()).isEqualTo(2);
    assertThat(result.dropped().duplicate()).isEqualTo(1);
  }

  @Test
  void echoReplyFromSomeoneElseIsNotTheDestination() throws Exception {
    List<HopBehaviour> path = chain(2);
    path.set(1, probe -> Optional.of(
        new ScriptedNetwork.ScriptedReply(hop(9), ReplyKind.ECHO_REPLY, 0, 0, MS)));
    ScriptedNetwork net = new ScriptedNetwork(path, silent());
    TraceResult result = trace(net, request().protocol(Protocol.ICMP).build());

    assertThat(result.reached()).isFalse();
    assertThat(result.hops()).flatExtracting(Hop::responders).doesNotContain(hop(9));
    assertThat(result.dropped().unmatched()).isGreaterThan(0);
  }

  @Test
  void hopsAreReportedInTtlOrderEvenWhenLaterHopsAnswerFirst() throws Exception {
    List<HopBehaviour> path = new ArrayList<>();
    path.add(router(hop(1), 30 * MS)); // slow control plane on the first router
    path.add(router(hop(2), 2 * MS));
    path.add(destination(DEST, 3 * MS));
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 3 * MS));
    List<Integer> order = new ArrayList<>();
    new Tracer(net).trace(request().build(), new TraceListener() {
      @Override
      public void hopCompleted(Hop hop) {
        order.add(hop.ttl());
      }
    });
    assertThat(order).containsExactly(1, 2, 3);
  }

  @Test
  void sendWaitSpacesProbes() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    trace(net, request().sendWait(Duration.ofMillis(50)).build());
    for (int i = 1; i < net.sent.size(); i++) {
      assertThat(net.sent.get(i).at() - net.sent.get(i - 1).at()).isGreaterThanOrEqualTo(50 * MS);
    }
  }

  @Test
  void classicUdpPortGrowsPerProbeAndFixedPortStays() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(2), destination(DEST, 2 * MS));
    trace(net, request().maxInFlight(1).build());
    assertThat(net.sent).extracting(s -> s.probe().dstPort())
        .containsExactly(33434, 33435, 33436, 33437, 33438, 33439);

    ScriptedNetwork fixed = new ScriptedNetwork(chain(2), destination(DEST, 2 * MS));
    trace(fixed, request().fixedPort(true).maxInFlight(1).build());
    assertThat(fixed.sent).extracting(s -> s.probe().dstPort()).containsOnly(53);
  }

  @Test
  void parisKeepsTheHashedFieldsOfEveryProbeAndVariesOnlyTheSequence() throws Exception {
    ScriptedNetwork udp = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    TraceResult result = trace(udp, request().paris(true).build());
    assertThat(result.reached()).isTrue();
    assertThat(udp.sent).extracting(s -> s.probe().dstPort()).containsOnly(33434);
    assertThat(udp.sent).extracting(s -> s.probe().sequence()).doesNotHaveDuplicates();

    ScriptedNetwork flow3 = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    trace(flow3, request().flow(3).port(40000).build());
    assertThat(flow3.sent).extracting(s -> s.probe().dstPort()).containsOnly(40003);

    ScriptedNetwork icmp = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    trace(icmp, request().protocol(Protocol.ICMP).flow(2).build());
    assertThat(icmp.sent).extracting(s -> s.probe().icmpChecksum()).containsOnly(0xfffe - 2);
    assertThat(icmp.sent).extracting(s -> s.probe().sequence()).doesNotHaveDuplicates();

    ScriptedNetwork tcp = new ScriptedNetwork(chain(3), destination(DEST, 3 * MS));
    trace(tcp, request().protocol(Protocol.TCP).paris(true).build());
    assertThat(tcp.sent).extracting(s -> s.probe().dstPort()).containsOnly(80);
  }

  @Test
  void classicEchoChecksumFollowsTheSequence() throws Exception {
    ScriptedNetwork icmp = new ScriptedNetwork(chain(2), destination(DEST, 2 * MS));
    trace(icmp, request().protocol(Protocol.ICMP).build());
    assertThat(icmp.sent).allMatch(s -> !s.probe().holdsIcmpChecksum());
  }

  @Test
  void loadBalancedHopShowsEveryResponder() throws Exception {
    List<HopBehaviour> path = chain(3);
    int[] count = {0};
    path.set(1, probe -> Optional.of(new ScriptedNetwork.ScriptedReply(
        count[0]++ % 2 == 0 ? hop(2) : addr("198.18.2.2"), ReplyKind.TIME_EXCEEDED, 11, 0, 2 * MS)));
    ScriptedNetwork net = new ScriptedNetwork(path, destination(DEST, 3 * MS));
    TraceResult result = trace(net, request().build());
    assertThat(result.hops().get(1).responders()).containsExactly(hop(2), addr("198.18.2.2"));
  }

  @Test
  void firstTtlSkipsNearHops() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(5), destination(DEST, 5 * MS));
    TraceResult result = trace(net, request().firstTtl(3).probesPerHop(1).build());
    assertThat(result.hops()).extracting(Hop::ttl).containsExactly(3, 4, 5);
    assertThat(net.sent).noneMatch(s -> s.probe().ttl() < 3);
  }

  @Test
  void probesRefusedWhileTheRouteIsGoneAreStarsAndTheTraceGoesOnOnceItIsBack() throws Exception {
    ScriptedNetwork net = new ScriptedNetwork(chain(5), destination(DEST, 5 * MS));
    // One probe every 100 ms, two per hop; the route is gone from 150 ms to 250 ms: hop 2's
    // first probe (at 200 ms) is refused.
    net.sendFailsAt = at -> at >= 150 * MS && at < 250 * MS;
    TraceResult result = trace(net, request().probesPerHop(2).sendWait(Duration.ofMillis(100))
        .build());

    assertThat(result.reached()).isTrue();
    assertThat(result.hops()).hasSize(5);
    assertThat(result.hops().get(0).probes()).allMatch(ProbeResult::answered);
    assertThat(result.hops().get(1).probes()).extracting(ProbeResult::answered)
        .containsExactly(false, true);
    assertThat(result.hops().subList(2, 5)).allSatisfy(
        h -> assertThat(h.probes()).allMatch(ProbeResult::answered));
    assertThat(result.notSent().ttls()).containsExactly(2);
    assertThat(result.notSent().probes()).isEqualTo(1);
    assertThat(result.notSent().reason()).hasValue("network is unreachable");
    assertThat(result.probesSent()).isEqualTo(9);
  }

  @Test
  void aFirstProbeRefusedEndsTheTraceWithTheNetworksReason() {
    ScriptedNetwork net = new ScriptedNetwork(chain(5), destination(DEST, 5 * MS));
    net.sendFailsAt = at -> true;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> trace(net, request().build()))
        .isInstanceOf(NetworkException.class).hasMessage("network is unreachable");
  }
}
