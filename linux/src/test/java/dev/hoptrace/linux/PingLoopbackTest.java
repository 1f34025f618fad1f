package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.ffm.Libc;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PingLoopbackTest {

  private static boolean gidInPingRange() {
    String[] range = PingGroupRange.current().split(" ");
    long gid = Integer.toUnsignedLong(Libc.getgid());
    return range.length == 2 && Long.parseLong(range[0]) <= gid && gid <= Long.parseLong(range[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void closedPingGroupRangeIsExplainedAsAPermissionProblem(String target) {
    Assumptions.assumeFalse(
        gidInPingRange(), "net.ipv4.ping_group_range admits our gid; EACCES cannot happen here");
    assertThatThrownBy(
            () -> new LinuxNetwork().open(Loopback.spec(target, Protocol.ICMP, ProbeMode.UNPRIVILEGED)))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(NetworkException.Reason.PERMISSION);
              assertThat(e.getMessage())
                  .contains("net.ipv4.ping_group_range")
                  .contains("your gid " + Libc.getgid())
                  .contains("sysctl -w net.ipv4.ping_group_range='0 2147483647'")
                  .contains("UDP");
            });
  }

  @Test
  void echoToLoopbackInANamespaceThatAllowsPingSockets() throws Exception {
    if (!Loopback.root()) {
      Assumptions.abort("needs root to create a network namespace with ping sockets allowed");
    }
    try (NetNamespace ns = new NetNamespace("hoptrace-ping-" + ProcessHandle.current().pid())) {
      ns.exec("sysctl", "-qw", "net.ipv4.ping_group_range=0 2147483647");
      for (String target : new String[] {"127.0.0.1", "::1"}) {
        ns.call(() -> {
          echoes(target);
          return null;
        });
      }
    }
  }

  private static void echoes(String target) throws Exception {
    try (ProbeSession session =
        new LinuxNetwork().open(Loopback.spec(target, Protocol.ICMP, ProbeMode.UNPRIVILEGED))) {
      Map<WireKey, SentProbe> sent = new HashMap<>();
      for (int seq = 65530; seq < 65536; seq++) {
        SentProbe p = session.send(new OutgoingProbe(64, 0, 0, seq));
        assertThat(p.key()).isEqualTo(new WireKey(0, 0, seq));
        sent.put(p.key(), p);
      }
      Collector got = new Collector().until(session, 6, 2_000);
      assertThat(got.replies).hasSize(6);
      for (Reply r : got.replies) {
        assertThat(sent).containsKey(r.key());
        assertThat(r.kind()).isEqualTo(ReplyKind.ECHO_REPLY);
        assertThat(r.responder()).isEqualTo(Loopback.address(target));
        assertThat(r.replyTtl()).isEqualTo(64);
        assertThat(r.receivedAt() - sent.get(r.key()).sentAt()).isPositive().isLessThan(50_000_000L);
      }
    }
  }
}
