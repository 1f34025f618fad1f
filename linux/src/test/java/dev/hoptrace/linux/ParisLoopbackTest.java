package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.core.net.WireKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paris sessions on the real kernel, over loopback: one flow per session, every probe told apart
 * by what the reply carries back, and the kernel keeping the checksums hoptrace chose.
 */
class ParisLoopbackTest {
  private static final int HELD = new FlowId(5).icmpChecksum();

  private static SessionSpec paris(String target, Protocol protocol, ProbeMode mode) {
    return new SessionSpec(Loopback.address(target), protocol, mode, Optional.empty(),
        Optional.empty(), 0, target.contains(":") ? 80 : 60, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void unprivilegedUdpSendsEveryProbeFromOnePortAndTellsTheirRepliesApart(String target)
      throws Exception {
    int port = Loopback.closedUdpPort(target);
    try (ProbeSession session = new LinuxNetwork().open(
        paris(target, Protocol.UDP, ProbeMode.UNPRIVILEGED))) {
      assertThat(session.info().description()).contains("one socket for the whole trace");
      Map<WireKey, SentProbe> sent = new HashMap<>();
      for (int seq = 0; seq < 20; seq++) {
        SentProbe p = session.send(new OutgoingProbe(64, 0, port, seq));
        assertThat(p.key().sequence()).as("the checksum is the sequence")
            .isEqualTo(seq == 0 ? 0xffff : seq);
        sent.put(p.key(), p);
      }
      assertThat(sent.keySet()).extracting(WireKey::srcPort).containsOnly(
          sent.keySet().iterator().next().srcPort());
      assertThat(sent.keySet()).extracting(WireKey::dstPort).containsOnly(port);

      // Every probe after the first met the sk_err its predecessor's error left: drained, sent.
      Collector got = new Collector().until(session, 20, 3_000);

      assertThat(got.replies).hasSize(20);
      assertThat(got.replies).extracting(Reply::key).doesNotHaveDuplicates()
          .allMatch(sent::containsKey);
      assertThat(got.replies).extracting(Reply::kind).containsOnly(ReplyKind.UNREACHABLE);
      assertThat(got.dropped).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void rawEchoesCarryTheHeldChecksumOnTheWire(String target) throws Exception {
    root();
    boolean v6 = target.contains(":");
    try (EchoCapture capture = new EchoCapture(v6);
        ProbeSession session = new LinuxNetwork().open(paris(target, Protocol.ICMP, ProbeMode.RAW))) {
      echoesKeepTheirChecksum(session, capture);
    }
  }

  @Test
  void pingSocketEchoesCarryTheHeldChecksumOnTheWire() throws Exception {
    root();
    try (NetNamespace ns = new NetNamespace("hoptrace-paris-" + ProcessHandle.current().pid())) {
      ns.exec("sysctl", "-qw", "net.ipv4.ping_group_range=0 2147483647");
      for (String target : new String[] {"127.0.0.1", "::1"}) {
        ns.call(() -> {
          try (EchoCapture capture = new EchoCapture(target.contains(":"));
              ProbeSession session = new LinuxNetwork().open(
                  paris(target, Protocol.ICMP, ProbeMode.UNPRIVILEGED))) {
            echoesKeepTheirChecksum(session, capture);
          }
          return null;
        });
      }
    }
  }

  private static void echoesKeepTheirChecksum(ProbeSession session, EchoCapture capture)
      throws Exception {
    for (int seq = 0; seq < 10; seq++) {
      session.send(new OutgoingProbe(64, 0, 0, seq * 6553, HELD));
    }
    Collector got = new Collector().until(session, 10, 2_000);
    assertThat(got.replies).hasSize(10).extracting(Reply::kind)
        .containsOnly(ReplyKind.ECHO_REPLY);
    assertThat(got.replies).extracting(r -> r.key().sequence()).doesNotHaveDuplicates();

    List<EchoCapture.Echo> wire = capture.requests();
    assertThat(wire).hasSize(10);
    assertThat(wire).extracting(EchoCapture.Echo::checksum).containsOnly(HELD);
    assertThat(wire).extracting(EchoCapture.Echo::sequence).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void unprivilegedTcpRefusesToPromiseOneFlow(String target) {
    assertThatThrownBy(() -> new LinuxNetwork().open(
        paris(target, Protocol.TCP, ProbeMode.UNPRIVILEGED)))
        .isInstanceOfSatisfying(NetworkException.class, e -> {
          assertThat(e.reason()).isEqualTo(NetworkException.Reason.PERMISSION);
          assertThat(e.getMessage()).isEqualTo(FlowId.TCP_NEEDS_RAW).doesNotContain("\n");
        });
  }

  private static void root() {
    if (!Loopback.root()) {
      Assumptions.abort("needs root: raw sockets capture what went on the wire");
    }
  }
}
