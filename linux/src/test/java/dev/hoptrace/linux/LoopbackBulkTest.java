package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.StopReason;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.bulk.BulkEngine;
import dev.hoptrace.core.bulk.BulkSettings;
import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkSummary;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.TargetTable;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.linux.ffm.Libc;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk runs through the kernel's sockets (raw, error-queue UDP, ping) to loopback addresses:
 * every destination answers at hop 1 and is reported reached, through sendmmsg / recvmmsg.
 */
class LoopbackBulkTest {

  private static boolean pingAllowed() {
    String[] range = PingGroupRange.current().split(" ");
    long gid = Integer.toUnsignedLong(Libc.getgid());
    return range.length == 2 && Long.parseLong(range[0]) <= gid && gid <= Long.parseLong(range[1]);
  }

  @ParameterizedTest
  @CsvSource({
      "RAW, UDP, false, false", "RAW, ICMP, true, false", "RAW, UDP, true, true",
      "RAW, ICMP, false, true", "RAW, TCP, false, false", "RAW, TCP, true, true",
      "UNPRIVILEGED, UDP, false, false", "UNPRIVILEGED, UDP, true, true",
      "UNPRIVILEGED, ICMP, true, false", "UNPRIVILEGED, ICMP, false, true",
  })
  void everyLoopbackDestinationIsReachedAtHopOne(ProbeMode mode, Protocol protocol,
      boolean paris, boolean v6) throws Exception {
    Assumptions.assumeTrue(mode != ProbeMode.RAW || Loopback.root(), "raw needs root");
    Assumptions.assumeTrue(protocol != Protocol.ICMP || mode == ProbeMode.RAW || pingAllowed(),
        "ping sockets closed by net.ipv4.ping_group_range");
    List<InetAddress> addresses = new ArrayList<>();
    if (v6) {
      addresses.add(Loopback.address("::1"));
    } else {
      for (int i = 1; i <= 20; i++) {
        addresses.add(Loopback.address("127.0.0." + i));
      }
    }
    TargetTable targets = TargetTable.of(addresses);
    String local = v6 ? "::1" : "127.0.0.1";
    int port = switch (protocol) {
      case UDP -> Loopback.closedUdpPort(local);
      case TCP -> Loopback.closedTcpPort(local); // answered by a RST
      case ICMP -> 1;
    };
    BulkSpec spec = new BulkSpec(targets, protocol, mode, paris, port,
        BulkSpec.defaultLength(protocol, v6), 0, 12345);
    BulkSettings settings =
        new BulkSettings(spec, 1, 5, 3, 5, 2000, Duration.ofSeconds(1), 64, 1);
    List<TraceResult> results = new ArrayList<>();
    BulkSummary summary;
    try (BulkTransport transport = new LinuxNetwork().openBulk(spec)) {
      assertThat(transport.info().mode()).isEqualTo(mode);
      summary = new BulkEngine(transport, settings, results::add).run();
    }
    assertThat(summary.completed()).isEqualTo(addresses.size());
    assertThat(results).extracting(r -> r.request().destination())
        .containsExactlyInAnyOrderElementsOf(addresses);
    for (TraceResult r : results) {
      assertThat(r.reached()).as("%s reached", r.request().destination()).isTrue();
      assertThat(r.stopReason()).isEqualTo(StopReason.DESTINATION_REACHED);
      assertThat(r.hops()).hasSize(1);
      assertThat(r.hops().getFirst().responders()).containsExactly(r.request().destination());
      assertThat(r.hops().getFirst().probes()).allSatisfy(p -> {
        assertThat(p.rttNanos()).isBetween(0L, 500_000_000L);
        assertThat(p.replyTtl()).isPositive();
        if (protocol == Protocol.TCP) {
          assertThat(p.kind()).contains(ReplyKind.TCP_REFUSED);
        }
      });
    }
    assertThat(summary.unmatched()).isZero();
    assertThat(summary.duplicates()).isZero();
  }

  /**
   * Hundreds of Port Unreachables a second on one unprivileged UDP socket: each leaves a pending
   * error ({@code sk_err}) that fails the next send or read once. The run must ride over them:
   * every destination still reached, every probe sent.
   */
  @ParameterizedTest
  @CsvSource({"UNPRIVILEGED", "RAW"})
  void pendingSocketErrorsDoNotStopAFastRun(ProbeMode mode) throws Exception {
    Assumptions.assumeTrue(mode != ProbeMode.RAW || Loopback.root(), "raw needs root");
    TargetTable.Builder builder = new TargetTable.Builder(false);
    for (int i = 0; i < 1000; i++) {
      builder.add(new byte[] {127, 0, (byte) (i >> 8), (byte) (i + 1)}, null);
    }
    TargetTable targets = builder.build();
    BulkSpec spec = new BulkSpec(targets, Protocol.UDP, mode, true,
        Loopback.closedUdpPort("127.0.0.1"), 60, 0, 99);
    BulkSettings settings =
        new BulkSettings(spec, 1, 3, 1, 1, 20_000, Duration.ofSeconds(1), 1000, 2);
    List<TraceResult> results = new ArrayList<>();
    BulkSummary summary;
    try (BulkTransport transport = new LinuxNetwork().openBulk(spec)) {
      summary = new BulkEngine(transport, settings, results::add).run();
    }
    assertThat(summary.completed()).isEqualTo(1000);
    assertThat(summary.probesSent()).isEqualTo(1000);
    // The kernel may drop some replies under its own global ICMP limit; most must come back.
    assertThat(results.stream().filter(TraceResult::reached).count()).isGreaterThan(900);
  }
}
