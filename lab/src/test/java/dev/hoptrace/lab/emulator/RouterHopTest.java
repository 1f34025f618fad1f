package dev.hoptrace.lab.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An emulated MPLS router hop between two namespaces (root only): {@code A 198.18.1.1 — hop
 * (198.18.1.2 | 198.18.2.1) — 198.18.2.2 B}, the same in 2001:db8:0:1::/64 and :2::/64.
 */
class RouterHopTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<MplsLabelStackEntry> LABELS = List.of(
      new MplsLabelStackEntry(16005, 0, false, 1), new MplsLabelStackEntry(24001, 5, true, 1));
  private static ScratchNamespaces namespaces;
  private static String a;
  private static String b;
  private LinkEmulator hop;

  @BeforeAll
  static void namespaces() {
    ScratchNamespaces.requireRoot();
    namespaces = new ScratchNamespaces();
    a = namespaces.create("ra");
    b = namespaces.create("rb");
  }

  @AfterAll
  static void removeNamespaces() {
    if (namespaces != null) {
      namespaces.close();
    }
  }

  @AfterEach
  void stop() {
    if (hop != null) {
      hop.close();
    }
  }

  private void start(LinkProfile farLink) throws Exception {
    RouterHop router = new RouterHop(
        new RouterHop.Face(v4("198.18.1.2"), v6("2001:db8:0:1::2")),
        new RouterHop.Face(v4("198.18.2.1"), v6("2001:db8:0:2::1")), LABELS);
    hop = LinkEmulator.between(end(a, 1, 1), end(b, 2, 2)).router(router)
        .link(LinkProfile.delay(Duration.ofMillis(1))).farLink(farLink).start();
    route(a, "198.18.2.0/24", "198.18.1.2");
    route(a, "2001:db8:0:2::/64", "2001:db8:0:1::2");
    route(b, "198.18.1.0/24", "198.18.2.1");
    route(b, "2001:db8:0:1::/64", "2001:db8:0:2::1");
  }

  @Test
  void probeWithTtlOneGetsTimeExceededWithTheMplsStackInBothFamilies() throws Exception {
    start(LinkProfile.PERFECT);
    ProbeInNamespace.Answer v4 = ProbeInNamespace.ttlOne(a, InetAddress.getByName("198.18.2.2"));
    assertThat(v4.from()).isEqualTo(v4("198.18.1.2"));
    assertThat(v4.message().type()).isEqualTo(IcmpV4.TIME_EXCEEDED);
    assertThat(v4.message().extensions().mplsLabels()).isEqualTo(LABELS);
    assertThat(v4.message().quote().orElseThrow().ip().hopLimit()).isEqualTo(1);

    ProbeInNamespace.Answer v6 =
        ProbeInNamespace.ttlOne(a, InetAddress.getByName("2001:db8:0:2::2"));
    assertThat(v6.from()).isEqualTo(v6("2001:db8:0:1::2"));
    assertThat(v6.message().type()).isEqualTo(IcmpV6.TIME_EXCEEDED);
    assertThat(v6.message().extensions().mplsLabels()).isEqualTo(LABELS);
    assertThat(hop.count(Count.TIME_EXCEEDED_SENT)).isEqualTo(2);
  }

  @Test
  void systemTracerouteShowsTheSameLabelsAndThenTheDestination() throws Exception {
    start(LinkProfile.PERFECT);
    String expected = "<MPLS:L=16005,E=0,S=0,T=1/L=24001,E=5,S=1,T=1>";
    for (String[] target : new String[][] {{"-4", "198.18.2.2", "198.18.1.2"},
        {"-6", "2001:db8:0:2::2", "2001:db8:0:1::2"}}) {
      ExecResult trace = ScratchNamespaces.exec(a, WAIT, "traceroute", target[0], "-e", "-n",
          "-q", "1", "-w", "2", target[1]);
      assertThat(trace.succeeded()).as(trace.describe()).isTrue();
      String[] lines = trace.stdout().strip().split("\n");
      assertThat(lines).as(trace.describe()).hasSize(3); // header, the hop, the destination
      assertThat(lines[1]).as(trace.describe()).contains(" " + target[2] + " " + expected);
      assertThat(lines[2]).as(trace.describe()).contains(" " + target[1] + " ");
    }
  }

  @Test
  void forwardedPacketsLoseOneTtl() throws Exception {
    start(LinkProfile.PERFECT);
    for (String target : new String[] {"198.18.2.2", "2001:db8:0:2::2"}) {
      ExecResult ping = ScratchNamespaces.exec(a, WAIT, "ping", "-n", "-c", "1", "-W", "2",
          target);
      assertThat(ping.stdout()).as(ping.describe()).contains("ttl=63"); // 64 less the hop
    }
  }

  @Test
  void tooLongForTheFarLinkIsAnsweredWithItsMtu() throws Exception {
    start(LinkProfile.PERFECT.withMtu(1400));
    ExecResult v4 = ScratchNamespaces.exec(a, WAIT, "ping", "-n", "-c", "1", "-W", "2", "-M",
        "do", "-s", "1400", "198.18.2.2");
    assertThat(v4.stdout()).as(v4.describe())
        .contains("From 198.18.1.2").contains("mtu = 1400");
    ExecResult v6 = ScratchNamespaces.exec(a, WAIT, "ping", "-n", "-c", "1", "-W", "2", "-s",
        "1400", "2001:db8:0:2::2");
    assertThat(v6.stdout()).as(v6.describe())
        .contains("From 2001:db8:0:1::2").contains("mtu=1400");
    assertThat(hop.count(Count.TOO_BIG_ANSWERED)).isEqualTo(2);
  }

  private static LinkEnd end(String namespace, int link, int host) throws Exception {
    return LinkEnd.of(namespace, "emu0",
        new LinkEnd.Address(InetAddress.getByName("198.18." + link + "." + host), 24),
        new LinkEnd.Address(InetAddress.getByName("2001:db8:0:" + link + "::" + host), 64));
  }

  private static void route(String namespace, String prefix, String via) {
    ScratchNamespaces.ip("-n", namespace, "route", "add", prefix, "via", via, "dev", "emu0")
        .orThrow();
  }

  private static Inet4Address v4(String literal) throws Exception {
    return (Inet4Address) InetAddress.getByName(literal);
  }

  private static Inet6Address v6(String literal) throws Exception {
    return (Inet6Address) InetAddress.getByName(literal);
  }
}
