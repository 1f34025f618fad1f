package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpLoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void closedPortIsRefusedByTheDestination(String target) throws Exception {
    int port = Loopback.closedTcpPort(target);
    try (ProbeSession session =
        new LinuxNetwork().open(Loopback.spec(target, Protocol.TCP, ProbeMode.UNPRIVILEGED))) {
      SentProbe sent = session.send(new OutgoingProbe(64, 0, port, 0));
      Collector got = new Collector().until(session, 1, 2_000);

      assertThat(got.replies).hasSize(1);
      Reply reply = got.replies.getFirst();
      assertThat(reply.key()).isEqualTo(sent.key());
      assertThat(reply.key().dstPort()).isEqualTo(port);
      assertThat(reply.kind()).isEqualTo(ReplyKind.TCP_REFUSED);
      assertThat(reply.responder()).isEqualTo(Loopback.address(target));
      assertThat(reply.receivedAt() - sent.sentAt()).isPositive().isLessThan(50_000_000L);
      session.release(sent);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void openPortCompletesTheHandshake(String target) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, Loopback.address(target));
        ProbeSession session =
            new LinuxNetwork().open(Loopback.spec(target, Protocol.TCP, ProbeMode.UNPRIVILEGED))) {
      SentProbe sent = session.send(new OutgoingProbe(64, 0, server.getLocalPort(), 0));
      Collector got = new Collector().until(session, 1, 2_000);

      assertThat(got.replies).hasSize(1);
      Reply reply = got.replies.getFirst();
      assertThat(reply.key()).isEqualTo(sent.key());
      assertThat(reply.kind()).isEqualTo(ReplyKind.TCP_OPEN);
      assertThat(reply.responder()).isEqualTo(Loopback.address(target));
      long rtt = reply.receivedAt() - sent.sentAt();
      assertThat(rtt).isPositive().isLessThan(50_000_000L);
      System.out.printf("TCP %s open rtt %.1f us%n", target, rtt / 1e3);
      // Settled: nothing more arrives for this probe even though the socket stays writable.
      assertThat(new Collector().during(session, 50).replies).isEmpty();
      session.release(sent);
    }
  }
}
