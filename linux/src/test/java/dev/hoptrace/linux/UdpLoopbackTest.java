package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpLoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void closedPortAnswersPortUnreachableFromTheDestination(String target) throws Exception {
    int port = Loopback.closedUdpPort(target);
    try (ProbeSession session =
        new LinuxNetwork().open(Loopback.spec(target, Protocol.UDP, ProbeMode.UNPRIVILEGED))) {
      assertThat(session.info().mode()).isEqualTo(ProbeMode.UNPRIVILEGED);
      assertThat(session.info().seesQuotedIpHeader()).isFalse();
      SentProbe sent = session.send(new OutgoingProbe(64, 0, port, 7));

      Collector got = new Collector().until(session, 1, 2_000);

      assertThat(got.replies).hasSize(1);
      Reply reply = got.replies.getFirst();
      assertThat(reply.key()).isEqualTo(sent.key());
      assertThat(reply.key().dstPort()).isEqualTo(port);
      assertThat(reply.kind()).isEqualTo(ReplyKind.UNREACHABLE);
      boolean v6 = target.contains(":");
      assertThat(reply.icmpType()).isEqualTo(v6 ? 1 : 3);
      assertThat(reply.icmpCode()).isEqualTo(v6 ? 4 : 3);
      assertThat(reply.responder()).isEqualTo(Loopback.address(target));
      assertThat(reply.quotedDestination()).contains(Loopback.address(target));
      assertThat(reply.replyTtl()).isEqualTo(v6 ? 64 : 64);
      long rtt = reply.receivedAt() - sent.sentAt();
      assertThat(rtt).isPositive().isLessThan(50_000_000L);
      System.out.printf("UDP %s port unreachable rtt %.1f us%n", target, rtt / 1e3);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void manyProbesInFlightEachGetTheirOwnReply(String target) throws Exception {
    try (ProbeSession session =
        new LinuxNetwork().open(Loopback.spec(target, Protocol.UDP, ProbeMode.UNPRIVILEGED))) {
      int base = Loopback.closedUdpPort(target);
      java.util.Map<dev.hoptrace.core.net.WireKey, SentProbe> sent = new java.util.HashMap<>();
      for (int i = 0; i < 20; i++) {
        SentProbe p = session.send(new OutgoingProbe(1 + i, 0, base, i));
        sent.put(p.key(), p);
      }
      assertThat(sent).hasSize(20);
      Collector got = new Collector().until(session, 20, 3_000);
      assertThat(got.replies).hasSize(20);
      assertThat(got.replies).allSatisfy(r -> assertThat(sent).containsKey(r.key()));
      assertThat(got.replies.stream().map(Reply::key).distinct()).hasSize(20);
      got.replies.forEach(r -> session.release(sent.get(r.key())));
    }
  }
}
