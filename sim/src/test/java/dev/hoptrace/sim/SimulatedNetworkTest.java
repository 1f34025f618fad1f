package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.WaitPolicy;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedNetworkTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void thirtyHopsOfFiveSecondTimeoutsTakeMillisecondsOfRealTime() {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("firewall"));
    long start = System.nanoTime();
    TraceResult r = Traces.trace(network, false, Protocol.UDP, ProbeMode.UNPRIVILEGED,
        b -> b.maxTtl(30).gapLimit(30).replyWait(
            new WaitPolicy(Duration.ofSeconds(5), 0, 0, Duration.ZERO)));
    long realNanos = System.nanoTime() - start;

    assertThat(r.hops()).hasSize(30);
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_TTL);
    assertThat(r.elapsedNanos()).as("virtual time").isGreaterThanOrEqualTo(5 * SECOND);
    assertThat(realNanos).as("real time").isLessThan(SECOND);
  }

  @Test
  void twoSessionsAtOnceEachGetOnlyTheirOwnReplies() throws NetworkException {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    SessionSpec spec = new SessionSpec(network.destination(false), Protocol.ICMP, ProbeMode.RAW,
        Optional.empty(), Optional.empty(), 0, 60);
    try (ProbeSession a = network.open(spec); ProbeSession b = network.open(spec)) {
      // Both send the same sequences: only the echo id (each session's identity) tells them apart.
      Set<WireKey> sentA = new HashSet<>();
      Set<WireKey> sentB = new HashSet<>();
      for (int ttl = 1; ttl <= 8; ttl++) {
        sentA.add(a.send(new OutgoingProbe(ttl, 0, 0, ttl)).key());
        sentB.add(b.send(new OutgoingProbe(ttl, 0, 0, ttl)).key());
      }
      Collected ra = new Collected();
      Collected rb = new Collected();
      long deadline = a.now() + SECOND;
      while (a.now() < deadline) {
        a.receive(deadline, ra);
        b.receive(deadline, rb);
      }
      assertThat(ra.replies).hasSize(8);
      assertThat(rb.replies).hasSize(8);
      assertThat(ra.foreign + rb.foreign).isZero();
      assertThat(ra.replies).extracting(Reply::key).containsExactlyInAnyOrderElementsOf(sentA);
    }
  }

  @Test
  void twoTracersOnTwoThreadsSeeTheirOwnPaths() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    List<TraceResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (Protocol protocol : List.of(Protocol.UDP, Protocol.UDP, Protocol.ICMP, Protocol.TCP)) {
      threads.add(Thread.ofPlatform().start(() -> results.add(Traces.trace(network, false,
          protocol, ProbeMode.UNPRIVILEGED, b -> b))));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(results).hasSize(4).allSatisfy(r -> {
      assertThat(r.reached()).isTrue();
      assertThat(r.hops()).hasSize(7).allSatisfy(h -> assertThat(h.responders()).hasSize(1));
      assertThat(r.dropped().unmatched()).isZero();
    });
  }

  @Test
  void releasedProbesGiveBackTheirSocketsAndLateRepliesReachNobody() throws NetworkException {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("transatlantic"));
    SessionSpec spec = new SessionSpec(network.destination(false), Protocol.UDP,
        ProbeMode.UNPRIVILEGED, Optional.empty(), Optional.empty(), 0, 60);
    try (ProbeSession session = network.open(spec)) {
      Collected replies = new Collected();
      for (int i = 0; i < 100_000; i++) {
        SentProbe sent =
            session.send(new OutgoingProbe(1 + i % 7, 0, 33434 + i % 1000, i & 0xffff));
        if (i % 2 == 0) {
          session.release(sent); // given up at once: its reply must go nowhere
        } else {
          session.receive(session.now() + SECOND, replies);
          session.release(sent);
        }
      }
      session.receive(session.now() + 10 * SECOND, replies);
      assertThat(replies.replies).hasSize(50_000);
      assertThat(network.clientSocketsInUse()).isZero();
      assertThat(network.packetsInFlight()).isZero();
    }
  }

  @Test
  void rawNeedsThePrivilegeAndAutoFallsBack() throws NetworkException {
    SimulatedNetwork network =
        new SimulatedNetwork(ScenarioLibrary.load("linear"), 1, false);
    SessionSpec raw = new SessionSpec(network.destination(true), Protocol.UDP, ProbeMode.RAW,
        Optional.empty(), Optional.empty(), 0, 80);
    assertThatThrownBy(() -> network.open(raw)).isInstanceOf(NetworkException.class)
        .hasMessageContaining("CAP_NET_RAW");
    SessionSpec auto = new SessionSpec(network.destination(true), Protocol.UDP, ProbeMode.AUTO,
        Optional.empty(), Optional.empty(), 0, 80);
    try (ProbeSession session = network.open(auto)) {
      assertThat(session.info().mode()).isEqualTo(ProbeMode.UNPRIVILEGED);
      assertThat(session.info().seesQuotedIpHeader()).isFalse();
      assertThat(session.info().limitation()).contains("quoted IP header");
    }
  }

  @Test
  void ipv4WithDontFragmentGetsFragmentationNeededWithTheNextHopMtu() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("small-mtu"));
    SessionSpec spec = new SessionSpec(network.destination(false), Protocol.UDP, ProbeMode.RAW,
        Optional.empty(), Optional.empty(), 0, 60);
    try (SimSession session = (SimSession) network.open(spec)) {
      // A 1500-byte datagram with DF set from the session's own port, as tracepath sends.
      Inet4Address src = (Inet4Address) network.client(false);
      Inet4Address dst = (Inet4Address) network.destination(false);
      byte[] udp = Udp.encode(src, dst, session.ident(), 33434, new byte[1472]);
      byte[] packet = new Ipv4Header(0, 1500, 1, Ipv4Header.FLAG_DF, 0, 10,
          Ipv4Header.PROTOCOL_UDP, 0, src, dst, 0).encodeWith(udp);
      synchronized (network.internet()) {
        network.internet().client.send(packet);
      }
      Collected replies = new Collected();
      session.receive(session.now() + SECOND, replies);

      Reply reply = replies.replies.getFirst();
      assertThat(reply.kind()).isEqualTo(ReplyKind.PACKET_TOO_BIG);
      assertThat(reply.icmpType()).isEqualTo(3);
      assertThat(reply.icmpCode()).isEqualTo(4);
      assertThat(reply.mtu()).isEqualTo(1400);
      assertThat(reply.responder()).isEqualTo(Traces.at("small-mtu", "r2", "r1", false));
      // Quoted as it arrived: the TTL was not spent yet when the router refused it.
      assertThat(reply.quotedIp().orElseThrow().ttl()).isEqualTo(9);
    }
  }

  @Test
  void probesCanOnlyBeSentFromTheClientsAddress() {
    SimulatedNetwork network = new SimulatedNetwork(ScenarioLibrary.load("linear"));
    SessionSpec wrongSource = new SessionSpec(network.destination(false), Protocol.UDP,
        ProbeMode.RAW, Optional.of(network.destination(false)), Optional.empty(), 0, 60);
    assertThatThrownBy(() -> network.open(wrongSource))
        .isInstanceOf(NetworkException.class).hasMessageContaining("cannot send from");
  }

  static final class Collected implements ReplySink {
    final List<Reply> replies = new ArrayList<>();
    int foreign;
    int malformed;

    @Override
    public void accept(Reply reply) {
      replies.add(reply);
    }

    @Override
    public void foreign(String why) {
      foreign++;
    }

    @Override
    public void malformed(String why) {
      malformed++;
    }
  }
}
