package dev.hoptrace.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds a real six-router lab (root only) and checks it forwards, filters and tears down. */
class LinearLabTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static Lab lab;

  @BeforeAll
  static void build() {
    RootOnly.require();
    lab = LinearPath.of(6).start();
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void clientPingsTheDestinationAcrossSixRoutersInBothFamilies() {
    for (IpFamily family : IpFamily.values()) {
      ExecResult ping = lab.exec(lab.client(), WAIT, "ping", family.flag(), "-c1", "-W2", "-n",
          lab.destinationAddress(family).getHostAddress());
      assertThat(ping.succeeded()).as(ping.describe()).isTrue();
      // 64 - 6 routers: the reply crossed all of them.
      assertThat(ping.stdout()).contains("ttl=58");
    }
  }

  @Test
  void everyRouterAnswersFromItsClientFacingAddress() {
    for (IpFamily family : IpFamily.values()) {
      for (int ttl = 1; ttl <= 6; ttl++) {
        ExecResult ping = lab.exec(lab.client(), WAIT, "ping", family.flag(), "-c1", "-W2", "-n",
            "-t", Integer.toString(ttl), lab.destinationAddress(family).getHostAddress());
        assertThat(ping.stdout()).as(ping.describe())
            .contains("From " + AddressText.of(lab.hopAddress(ttl, family)) + " ");
      }
    }
  }

  @Test
  void vethsComputeChecksumsLikeARealWire() {
    for (Node node : List.of(lab.client(), lab.router(3), lab.destination())) {
      int link = node == lab.client() ? 1 : node == lab.destination() ? 7 : 3;
      ExecResult offload = lab.exec(node, WAIT, "ethtool", "-k", Node.interfaceName(link));
      assertThat(offload.stdout()).as(offload.describe()).contains("tx-checksumming: off");
    }
  }

  @Test
  void clientCannotReachAnythingOutsideTheLab() {
    ExecResult ping = lab.exec(lab.client(), WAIT, "ping", "-c1", "-W1", "-n", "192.0.2.1");
    assertThat(ping.succeeded()).isFalse();
    assertThat(ping.stderr() + ping.stdout()).contains("unreachable");
    ExecResult routes = lab.exec(lab.client(), WAIT, "ip", "route", "show", "default");
    assertThat(routes.stdout()).isBlank();
  }

  @Test
  void behavioursCanChangeWhileTheLabRuns() {
    String dst = lab.destinationAddress(IpFamily.IPV4).getHostAddress();
    try {
      lab.setBehaviour(3, RouterBehaviour.FIREWALL);
      assertThat(lab.exec(lab.client(), WAIT, "ping", "-c1", "-W1", "-n", dst).succeeded())
          .isFalse();
      lab.setBehaviour(3, RouterBehaviour.rejecting(Unreachable.ADMIN_PROHIBITED));
      ExecResult rejected = lab.exec(lab.client(), WAIT, "ping", "-c1", "-W1", "-n", dst);
      assertThat(rejected.stdout()).as(rejected.describe())
          .contains("From " + lab.hopAddress(3, IpFamily.IPV4).getHostAddress())
          .contains("Packet filtered");
      lab.setBehaviour(3, RouterBehaviour.SILENT);
      ExecResult silent = lab.exec(lab.client(), WAIT, "ping", "-c1", "-W1", "-n", "-t", "3",
          dst);
      assertThat(silent.stdout()).doesNotContain("From ");
      assertThat(lab.exec(lab.client(), WAIT, "ping", "-c1", "-W1", "-n", dst).succeeded())
          .isTrue();
    } finally {
      lab.setBehaviour(3, RouterBehaviour.ANSWERING);
    }
  }

  @Test
  void destinationNameResolvesInsideTheClientOnly() {
    ExecResult hosts = lab.exec(lab.client(), WAIT, "getent", "ahostsv4", lab.destinationName());
    assertThat(hosts.stdout()).contains(lab.destinationAddress(IpFamily.IPV4).getHostAddress());
  }

  @Test
  void pingGroupRangeCanBeClosedAndReopened() {
    try {
      lab.setPingGroupOpen(false);
      assertThat(lab.exec(lab.client(), WAIT, "sysctl", "-n", "net.ipv4.ping_group_range")
          .stdout().strip()).isEqualTo("1\t0");
    } finally {
      lab.setPingGroupOpen(true);
    }
    assertThat(lab.exec(lab.client(), WAIT, "sysctl", "-n", "net.ipv4.ping_group_range")
        .stdout().strip()).isEqualTo("0\t2147483647");
  }

  @Test
  void execKillsCommandsThatOutliveTheirTimeout() {
    ExecResult sleep = lab.exec(lab.client(), Duration.ofMillis(300), "sleep", "30");
    assertThat(sleep.timedOut()).isTrue();
    assertThat(sleep.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void packetCounterCountsWhatTheClientSends() {
    try (PacketCounter counter = PacketCounter.install(lab, lab.client(), java.util.Map.of(
        "echo4", "ip daddr 198.18.0.0/15 icmp type echo-request",
        "echo6", "ip6 daddr 2001:db8::/32 icmpv6 type echo-request"))) {
      for (IpFamily family : IpFamily.values()) {
        lab.exec(lab.client(), WAIT, "ping", family.flag(), "-c2", "-i0.01", "-W1", "-n",
            lab.destinationAddress(family).getHostAddress()).orThrow();
      }
      assertThat(counter.packets("echo4")).isEqualTo(2);
      assertThat(counter.packets("echo6")).isEqualTo(2);
      counter.reset();
      assertThat(counter.packets("echo4")).isZero();
    }
  }

  @Test
  void closingALabRemovesAllItsNamespaces() {
    Lab small = LinearPath.of(1).start();
    List<String> names = small.nodes().stream().map(Node::namespace).toList();
    assertThat(Namespaces.list()).containsAll(names);
    small.close();
    small.close(); // idempotent
    assertThat(Namespaces.list()).doesNotContainAnyElementsOf(names);
    assertThat(LabRegistry.NETNS_ETC.resolve(small.client().namespace())).doesNotExist();
  }

  @Test
  void sweepRemovesLeftoversOfDeadRunsOnly() {
    Namespaces.create(List.of("ht-zzzz9-client"));
    List<String> removed = LabRegistry.sweepStale();
    assertThat(removed).contains("ht-zzzz9-client");
    assertThat(Namespaces.list()).doesNotContain("ht-zzzz9-client")
        .contains(lab.client().namespace());
  }
}
