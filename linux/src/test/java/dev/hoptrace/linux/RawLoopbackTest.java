package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.WireKey;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawLoopbackTest {

  @BeforeEach
  void root() {
    if (!Loopback.root()) {
      Assumptions.abort("raw sockets need root (or CAP_NET_RAW); skipping raw-mode tests");
    }
  }

  private static ProbeSession open(String target, Protocol protocol) throws Exception {
    ProbeSession s = new LinuxNetwork().open(Loopback.spec(target, protocol, ProbeMode.RAW));
    assertThat(s.info().mode()).isEqualTo(ProbeMode.RAW);
    assertThat(s.info().seesQuotedIpHeader()).isTrue();
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void echoRequestGetsAnEchoReply(String target) throws Exception {
    try (ProbeSession session = open(target, Protocol.ICMP)) {
      SentProbe sent = session.send(new OutgoingProbe(64, 0, 0, 4242));
      Collector got = new Collector().until(session, 1, 2_000);
      assertThat(got.replies).hasSize(1);
      Reply r = got.replies.getFirst();
      assertThat(r.key()).isEqualTo(sent.key()).isEqualTo(new WireKey(0, 0, 4242));
      assertThat(r.kind()).isEqualTo(ReplyKind.ECHO_REPLY);
      assertThat(r.responder()).isEqualTo(Loopback.address(target));
      assertThat(r.replyTtl()).isEqualTo(64);
      assertThat(r.receivedAt() - sent.sentAt()).isPositive().isLessThan(50_000_000L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void twoSessionsAtOnceNeverSeeEachOthersReplies(String target) throws Exception {
    try (ProbeSession a = open(target, Protocol.ICMP);
        ProbeSession b = open(target, Protocol.ICMP)) {
      // Same sequences on purpose: only the in-kernel filter on the echo id keeps them apart.
      for (int seq = 0; seq < 5; seq++) {
        a.send(new OutgoingProbe(64, 0, 0, seq));
        b.send(new OutgoingProbe(64, 0, 0, seq));
      }
      b.send(new OutgoingProbe(64, 0, 0, 99));
      Collector gotA = new Collector().during(a, 300);
      Collector gotB = new Collector().during(b, 300);
      assertThat(gotA.replies).hasSize(5);
      assertThat(gotB.replies).hasSize(6);
      assertThat(gotA.replies).noneMatch(r -> r.key().sequence() == 99);
      assertThat(gotA.dropped).isEmpty();
      assertThat(gotB.dropped).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void udpToAFixedClosedPortSeparatesProbesAndShowsTheQuotedHeader(String target)
      throws Exception {
    int port = Loopback.closedUdpPort(target);
    try (ProbeSession session = open(target, Protocol.UDP)) {
      Map<WireKey, SentProbe> sent = new HashMap<>();
      for (int seq = 1; seq <= 4; seq++) {
        SentProbe p = session.send(new OutgoingProbe(64, 0, port, seq));
        assertThat(p.key().sequence()).isEqualTo(seq);
        sent.put(p.key(), p);
      }
      assertThat(sent).hasSize(4);
      Collector got = new Collector().until(session, 4, 2_000);
      assertThat(got.replies).hasSize(4);
      boolean v6 = target.contains(":");
      for (Reply r : got.replies) {
        assertThat(sent).containsKey(r.key());
        assertThat(r.kind()).isEqualTo(ReplyKind.UNREACHABLE);
        assertThat(r.icmpCode()).isEqualTo(v6 ? 4 : 3);
        assertThat(r.responder()).isEqualTo(Loopback.address(target));
        assertThat(r.quotedDestination()).contains(Loopback.address(target));
        assertThat(r.quotedIp()).isPresent();
        assertThat(r.quotedIp().get().ttl()).isEqualTo(64);
        if (!v6) {
          // The IPv4 ID repeats the sequence (the kernel replaces an ID of 0, so seq 0 is not
          // used here); the key's sequence is the UDP checksum.
          assertThat((long) r.quotedIp().get().ipId()).isEqualTo(r.key().sequence());
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void tcpSynSeesRefusedAndOpenPorts(String target) throws Exception {
    int closed = Loopback.closedTcpPort(target);
    try (ServerSocket server = new ServerSocket(0, 50, Loopback.address(target));
        ProbeSession session = open(target, Protocol.TCP)) {
      SentProbe refused = session.send(new OutgoingProbe(64, 0, closed, 11));
      SentProbe open = session.send(new OutgoingProbe(64, 0, server.getLocalPort(), 12));
      Collector got = new Collector().until(session, 2, 2_000);
      Map<WireKey, Reply> byKey = new HashMap<>();
      got.replies.forEach(r -> byKey.put(r.key(), r));
      assertThat(byKey.get(refused.key()).kind()).isEqualTo(ReplyKind.TCP_REFUSED);
      assertThat(byKey.get(open.key()).kind()).isEqualTo(ReplyKind.TCP_OPEN);
      assertThat(byKey.get(open.key()).responder()).isEqualTo(Loopback.address(target));
    }
  }

  @Test
  void autoPicksRawForRoot() throws Exception {
    try (ProbeSession s =
        new LinuxNetwork().open(Loopback.spec("127.0.0.1", Protocol.UDP, ProbeMode.AUTO))) {
      assertThat(s.info().mode()).isEqualTo(ProbeMode.RAW);
    }
  }
}
