package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import dev.hoptrace.lab.Node;
import dev.hoptrace.lab.PacketCounter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The traceroute options a user relies on, each checked for its visible effect. */
class OptionsIT {
  private static Lab lab;
  private static Hoptrace hoptrace;
  private static String dst4;
  private static String dst6;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(6).start();
    hoptrace = new Hoptrace(lab);
    dst4 = AddressText.of(lab.destinationAddress(IpFamily.IPV4));
    dst6 = AddressText.of(lab.destinationAddress(IpFamily.IPV6));
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RunAs.class)
  void firstTtlSkipsTheNearHops(RunAs user) {
    TraceReport report = hoptrace.trace(user, "-f", "3", dst4);
    PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV4, Method.UDP, 3, 3);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RunAs.class)
  void maxTtlStopsShortOfTheDestination(RunAs user) {
    TraceReport report = hoptrace.trace(user, "-m", "4", dst6);
    assertThat(report.maxTtl()).isEqualTo(4);
    assertThat(report.hops()).as(report.raw()).extracting(TraceReport.Hop::ttl)
        .containsExactly(1, 2, 3, 4);
    for (int ttl = 1; ttl <= 4; ttl++) {
      PathAssertions.assertTransitHop(report, ttl, lab.hopAddress(ttl, IpFamily.IPV6),
          IpFamily.IPV6, 3);
    }
    assertThat(report.reached()).isFalse();
    assertThat(report.stopReason()).isEqualTo("max-ttl");
  }

  @ParameterizedTest(name = "-q {0}")
  @ValueSource(ints = {1, 5, 10})
  void probesPerHopIsHonoured(int probes) {
    TraceReport report = hoptrace.trace(RunAs.NOBODY_UNPRIVILEGED, "-q", Integer.toString(probes),
        dst4);
    PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV4, Method.UDP, 1, probes);
  }

  @Test
  void oneProbeInFlightGivesTheSamePath() {
    TraceReport report = hoptrace.trace(RunAs.ROOT_RAW, "-N", "1", "-I", dst6);
    PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV6, Method.ICMP, 1, 3);
  }

  @Test
  void portOptionMovesTheProbesPort() {
    TraceReport udp = hoptrace.trace(RunAs.NOBODY_UNPRIVILEGED, "-p", "40000", dst4);
    assertThat(udp.port()).isEqualTo(40000);
    assertThat(udp.reached()).as(udp.raw()).isTrue();
    TraceReport tcp = hoptrace.trace(RunAs.ROOT_RAW, "-T", "-p", "443", dst4);
    assertThat(tcp.port()).isEqualTo(443);
    assertThat(tcp.hops().getLast().probes()).as(tcp.raw())
        .allMatch(p -> p.kind().equals("tcp-refused"));
  }

  @Test
  void sendWaitSpacesTheProbes() {
    // -z 20: 20 ms between probes (values above 10 are milliseconds, as in traceroute).
    TraceReport report = hoptrace.trace(RunAs.NOBODY_UNPRIVILEGED, "-z", "20", "-q", "1", dst4);
    PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV4, Method.UDP, 1, 1);
    assertThat(report.durationMs()).as(report.raw()).isGreaterThanOrEqualTo(6 * 20 * 0.9);
  }

  @Test
  void sourceAddressAndInterfaceCanBeChosen() {
    TraceReport bySource = hoptrace.trace(RunAs.NOBODY_UNPRIVILEGED, "-s",
        AddressText.of(lab.clientAddress(IpFamily.IPV6)), dst6);
    PathAssertions.assertReachedWholePath(bySource, lab, IpFamily.IPV6, Method.UDP, 1, 3);
    TraceReport byInterface = hoptrace.trace(RunAs.ROOT_RAW, "-i", Node.interfaceName(1), dst4);
    PathAssertions.assertReachedWholePath(byInterface, lab, IpFamily.IPV4, Method.UDP, 1, 3);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RunAs.class)
  void tosAndPacketLengthReachTheWire(RunAs user) {
    try (PacketCounter wire = PacketCounter.install(lab, lab.client(), Map.of(
        "probes", "ip daddr 198.18.0.0/15 meta l4proto udp",
        "marked", "ip daddr 198.18.0.0/15 meta l4proto udp ip dscp cs1 ip length 100"))) {
      TraceReport report = hoptrace.trace(user, "-t", "32", dst4, "100");
      assertThat(report.packetLength()).isEqualTo(100);
      PathAssertions.assertReachedWholePath(report, lab, IpFamily.IPV4, Method.UDP, 1, 3);
      long probes = wire.packets("probes");
      assertThat(probes).isGreaterThanOrEqualTo(21);
      assertThat(wire.packets("marked")).as("probes with TOS 32 and length 100 of %d", probes)
          .isEqualTo(probes);
    }
  }

  @Test
  void ipv6PacketLengthCountsTheFortyByteHeader() {
    try (PacketCounter wire = PacketCounter.install(lab, lab.client(), Map.of(
        "probes", "ip6 daddr 2001:db8::/32 meta l4proto udp",
        "sized", "ip6 daddr 2001:db8::/32 meta l4proto udp ip6 length 60"))) {
      TraceReport report = hoptrace.trace(RunAs.ROOT_RAW, dst6, "100");
      assertThat(report.packetLength()).isEqualTo(100);
      // ip6 length is the payload length: 100 - 40.
      assertThat(wire.packets("sized")).isEqualTo(wire.packets("probes")).isPositive();
    }
  }
}
