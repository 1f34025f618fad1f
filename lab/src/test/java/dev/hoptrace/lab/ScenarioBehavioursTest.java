package dev.hoptrace.lab;

import static dev.hoptrace.lab.LibraryScenariosTest.WAIT;
import static dev.hoptrace.lab.LibraryScenariosTest.text;
import static dev.hoptrace.lab.LibraryScenariosTest.traceroute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each scenario behaviour looks like from the client, with plain tools (root only). */
class ScenarioBehavioursTest {
  private static final ScenarioLabs labs = ScenarioLabs.SHARED;

  @BeforeAll
  static void root() {
    RootOnly.require();
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void ecmpDiamondShowsBothBranchesAcrossFlows(IpFamily family) {
    Lab lab = labs.library("ecmp-diamond");
    Set<String> seen = new HashSet<>();
    // Ports change per probe, so probes hash apart; 6 probes all on one branch is 1 in 32.
    for (int attempt = 0; attempt < 3 && seen.size() < 2; attempt++) {
      seen.addAll(traceroute(lab, family, "-q", "6", "-f", "2", "-m", "2").responders(2));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(
        lab.hopPlan().addresses(2, family).stream().map(LibraryScenariosTest::text).toList());
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void oneFlowKeepsOneBranchAndEachRouterAnswersFromItsInboundLink(IpFamily family) {
    Lab lab = labs.library("ecmp-diamond");
    Set<String> branches = new HashSet<>();
    for (int port = 1000; port < 1008; port++) {
      // Fixed ports (and, for IPv6, a fixed flow label): hops 3 and 4 ride the same branch.
      TracerouteLines trace = traceroute(lab, family, "-U", "-p", "40000", "--sport=" + port,
          "-l", "7", "-q", "1", "-f", "3", "-m", "4");
      String hop3 = String.join("", trace.responders(3));
      String hop4 = String.join("", trace.responders(4));
      String branch = hop3.equals(text(address(lab, "r3a", 4, family))) ? "a" : "b";
      assertThat(hop4).as(trace.raw())
          .isEqualTo(text(address(lab, "r4", branch.equals("a") ? 6 : 7, family)));
      branches.add(branch);
    }
    assertThat(branches).as("8 flows over two branches").hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void perPacketRouterAlternatesWithinOneFlow(IpFamily family) {
    Lab lab = labs.library("per-packet");
    TracerouteLines trace = traceroute(lab, family, "-U", "-p", "40000", "--sport=999", "-l",
        "7", "-N", "1", "-q", "6", "-f", "2", "-m", "2");
    assertThat(trace.responders(2)).as(trace.raw()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void natHidesTheClientFromTheDestinationAndTracesStillWork(IpFamily family) {
    Lab lab = labs.library("nat");
    String ip = family == IpFamily.IPV4 ? "ip" : "ip6";
    var home = lab.scenario().linkBetween("home", "isp1").orElseThrow();
    try (PacketCounter seen = PacketCounter.install(lab, lab.destination(), Map.of(
        "from_client", ip + " daddr " + text(lab.clientAddress(family)),
        "from_home", ip + " daddr " + text(LinkAddresses.of(home, "home", family))))) {
      TracerouteLines trace = traceroute(lab, family, "-q", "1");
      assertThat(trace.responders(lab.destinationTtl()))
          .containsExactly(text(lab.destinationAddress(family)));
      // The destination answered the NAT's address only (its output hook counts the replies).
      assertThat(seen.packets("from_client")).isZero();
      assertThat(seen.packets("from_home")).isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void silentHopShowsStarsAndThePathGoesOn(IpFamily family) {
    Lab lab = labs.library("silent-hop");
    TracerouteLines trace = traceroute(lab, family, "-q", "2", "-w", "1");
    assertThat(trace.tokens(3)).as(trace.raw()).containsExactly("*", "*");
    assertThat(trace.responders(4)).containsExactly(text(lab.hopAddress(4, family)));
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void rateLimitedRouterAnswersTheBurstThenAtItsRate(IpFamily family) throws Exception {
    Lab lab = labs.library("rate-limited");
    Thread.sleep(1100); // a full bucket: 2 tokens at 2/s
    ExecResult ping = lab.exec(lab.client(), WAIT, "ping", family.flag(), "-n", "-c", "10",
        "-i", "0.01", "-t", "3", "-W", "1", text(lab.destinationAddress(family)));
    long answered = ping.stdout().lines().filter(l -> l.startsWith("From ")).count();
    // burst 2, plus at most one token refilled during the 0.1 s of sending
    assertThat(answered).as(ping.describe()).isBetween(2L, 3L);
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void firewallAnswersForItselfThenSilence(IpFamily family) {
    Lab lab = labs.library("firewall");
    TracerouteLines trace = traceroute(lab, family, "-q", "1", "-w", "1");
    for (int ttl = 1; ttl <= 4; ttl++) {
      assertThat(trace.responders(ttl)).as(trace.raw())
          .containsExactly(text(lab.hopAddress(ttl, family)));
    }
    for (int ttl = 5; ttl <= lab.destinationTtl(); ttl++) {
      assertThat(trace.tokens(ttl)).as(trace.raw()).containsExactly("*");
    }
  }

  @ParameterizedTest
  @EnumSource(IpFamily.class)
  void rejectingRouterGivesHostThenAdminUnreachable(IpFamily family) {
    Lab lab = labs.library("unreachable");
    TracerouteLines trace = traceroute(lab, family, "-q", "1", "-w", "1");
    assertThat(trace.tokens(4)).as(trace.raw()).contains(text(lab.hopAddress(3, family)), "!H");
    var built = lab.scenario().node("r3").router();
    try {
      lab.setBehaviour("r3", new dev.hoptrace.scenario.RouterBehaviour(built.icmp(),
          built.replyFromV4(), built.replyFromV6(), built.mpls(), false, built.balancing(),
          dev.hoptrace.scenario.Filter.reject(dev.hoptrace.scenario.Unreachable.ADMIN)));
      assertThat(traceroute(lab, family, "-q", "1", "-w", "1").tokens(4)).contains("!X");
    } finally {
      lab.setBehaviour("r3", built);
    }
  }

  @Test
  void firewalledDestinationAnswersOnlyTcp443() {
    Lab lab = labs.library("firewalled-destination");
    for (IpFamily family : lab.families()) {
      int last = lab.destinationTtl();
      String dst = text(lab.destinationAddress(family));
      assertThat(traceroute(lab, family, "-T", "-p", "443", "-q", "1").responders(last))
          .containsExactly(dst);
      assertThat(traceroute(lab, family, "-T", "-p", "80", "-q", "1", "-w", "1").tokens(last))
          .containsExactly("*");
      assertThat(traceroute(lab, family, "-q", "1", "-w", "1").tokens(last)).containsExactly("*");
      assertThat(traceroute(lab, family, "-I", "-q", "1", "-w", "1").tokens(last))
          .containsExactly("*");
    }
    ExecResult open = lab.exec(lab.client(), WAIT, "bash", "-c",
        "exec 3<>/dev/tcp/" + text(lab.destinationAddress(IpFamily.IPV4)) + "/443");
    assertThat(open.succeeded()).as(open.describe()).isTrue();
  }

  @Test
  void destinationRejectsUdpAndOpensEveryTcpPortButTheExceptions() {
    Lab lab = labs.resource("answers");
    assertThat(lab.families()).containsExactly(IpFamily.IPV4);
    String dst = text(lab.destinationAddress(IpFamily.IPV4));
    assertThat(traceroute(lab, IpFamily.IPV4, "-q", "1", "-w", "1").tokens(2)).contains("!X");
    assertThat(tcp(lab, dst, 12345).succeeded()).isTrue();
    ExecResult refused = tcp(lab, dst, 81);
    assertThat(refused.stderr()).as(refused.describe()).contains("refused");
    assertThat(tcp(lab, dst, 82).timedOut()).isTrue();
  }

  @Test
  void smallMtuGivesPacketTooBigForBigIpv6Probes() {
    Lab lab = labs.library("small-mtu");
    lab.exec(lab.client(), WAIT, "ip", "-6", "route", "flush", "cache");
    TracerouteLines trace = TracerouteLines.parse(lab.exec(lab.client(), WAIT, "traceroute",
        "-6", "-n", "-q", "1", "-w", "1", "-m", "3",
        text(lab.destinationAddress(IpFamily.IPV6)), "1500"));
    assertThat(String.join(" ", trace.tokens(3))).as(trace.raw()).contains("!F");
  }

  @Test
  void lossStaysWithinBinomialBounds() {
    Lab lab = labs.resource("lossy-link");
    int sent = 400;
    ExecResult ping = lab.exec(lab.client(), WAIT, "ping", "-n", "-q", "-c", "" + sent, "-i",
        "0.002", "-W", "1", text(lab.destinationAddress(IpFamily.IPV4)));
    var m = java.util.regex.Pattern.compile("(\\d+) received").matcher(ping.stdout());
    assertThat(m.find()).as(ping.describe()).isTrue();
    int received = Integer.parseInt(m.group(1));
    // Each round trip crosses the 20% link twice: p = 0.8² = 0.64, σ ≈ 9.6 for 400.
    double mean = sent * 0.64;
    double sigma = Math.sqrt(sent * 0.64 * 0.36);
    assertThat((double) received).as(ping.describe())
        .isBetween(mean - 5 * sigma, mean + 5 * sigma);
  }

  @Test
  void linkMtuAndRoutesFollowTheScenario() {
    Lab lab = labs.library("small-mtu");
    ExecResult link = lab.exec(lab.node("r3"), WAIT, "ip", "link", "show", "link3");
    assertThat(link.stdout()).contains("mtu 1400");
    ExecResult multipath = lab.exec(labs.library("ecmp-diamond").node("r1"), WAIT, "ip",
        "route", "show", "198.18.8.0/24");
    assertThat(multipath.stdout()).contains("nexthop via 198.18.2.2", "nexthop via 198.18.3.2");
  }

  private static java.net.InetAddress address(Lab lab, String node, int link, IpFamily family) {
    return LinkAddresses.of(lab.scenario().links().get(link - 1), node, family);
  }

  private static ExecResult tcp(Lab lab, String dst, int port) {
    return lab.exec(lab.client(), List.of("bash", "-c", "exec 3<>/dev/tcp/" + dst + "/" + port),
        "", java.time.Duration.ofSeconds(2), null);
  }
}
