package dev.hoptrace.sim;

import static dev.hoptrace.sim.Traces.at;
import static dev.hoptrace.sim.Traces.hop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearPathTest {

  @ParameterizedTest(name = "{0} {1} ipv6={2}")
  @CsvSource({
      "UDP, UNPRIVILEGED, false", "UDP, UNPRIVILEGED, true", "UDP, RAW, false", "UDP, RAW, true",
      "ICMP, UNPRIVILEGED, false", "ICMP, UNPRIVILEGED, true",
      "ICMP, RAW, false", "ICMP, RAW, true",
      "TCP, UNPRIVILEGED, false", "TCP, UNPRIVILEGED, true", "TCP, RAW, false", "TCP, RAW, true"})
  void everyRouterAnswersFromItsInboundAddressAndTheDestinationEndsTheTrace(
      Protocol protocol, ProbeMode mode, boolean v6) {
    TraceResult result = Traces.trace("linear", v6, protocol, mode);

    assertThat(result.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
    assertThat(result.reached()).isTrue();
    assertThat(result.hops()).hasSize(7);
    String[] path = {"client", "r1", "r2", "r3", "r4", "r5", "r6", "dst"};
    for (int ttl = 1; ttl <= 7; ttl++) {
      assertThat(hop(result, ttl).responders())
          .as("hop %d", ttl).containsExactly(at("linear", path[ttl], path[ttl - 1], v6));
      for (ProbeResult probe : hop(result, ttl).probes()) {
        // Each router on the way back spends one TTL of the reply: 64 - (hops back).
        if (!(protocol == Protocol.TCP && mode == ProbeMode.UNPRIVILEGED && ttl == 7)) {
          assertThat(probe.replyTtl()).as("reply TTL at hop %d", ttl).isEqualTo(64 - (ttl - 1));
        }
        assertThat(probe.kind()).contains(ttl < 7 ? ReplyKind.TIME_EXCEEDED : switch (protocol) {
          case UDP -> ReplyKind.UNREACHABLE;
          case ICMP -> ReplyKind.ECHO_REPLY;
          case TCP -> ReplyKind.TCP_REFUSED;
        });
        assertThat(probe.annotation()).isEmpty();
        // Only raw sockets see the quoted IP header, and only ICMP errors quote one.
        assertThat(probe.quotedIp().isPresent())
            .isEqualTo(mode == ProbeMode.RAW && (ttl < 7 || protocol == Protocol.UDP));
      }
    }
    assertThat(result.dropped().unmatched()).isZero();
    assertThat(result.dropped().malformed()).isZero();
  }
}
