package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LinearPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The machine and the network misbehave while hoptrace runs, on real kernels: the client's route
 * into the lab is deleted or its interface taken down in the middle of a one-shot trace and of a
 * report, the DNS server dies, a router's ICMP budget runs out. hoptrace must keep going, say what
 * happened, and show the path again once it is back. ({@link LiveOutageIT} does the same for the
 * continuous engine on its own.)
 */
class FaultsIT {
  private static final String LAB_RANGE = "198.18.0.0/15";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;
  private static String route;

  @BeforeAll
  static void startLab() {
    ItEnvironment.requireRoot();
    lab = LinearPath.of(4).start();
    route = ip("route", "show", LAB_RANGE).strip();
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  /** Every case leaves the client's way into the lab as it found it. */
  @AfterEach
  void restore() {
    if (lab != null) {
      restoreRoute();
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"ROUTE_DELETED, raw", "LINK_DOWN, unprivileged"})
  void outageMidTraceIsStarsAndANoteAndTheTraceGoesOnToTheDestination(String fault, String mode)
      throws Exception {
    // A probe every 300 ms; the outage from 450 to 1050 ms after the first costs TTLs 3 and 4.
    RunningHoptrace trace = RunningHoptrace.start(lab, Map.of(), "-n", "-q", "1", "-z", "300",
        "--mode", mode, dst());
    trace.awaitLine(l -> l.startsWith("hoptrace to "), 15);
    Thread.sleep(450);
    cut(fault);
    Thread.sleep(600);
    restoreRoute();
    RunningHoptrace.Finished done = trace.finish(30);

    assertThat(done.exitCode()).as(done.toString()).isZero();
    List<String> hops = done.stdout().lines().skip(1).toList();
    assertThat(hops).as(done.toString()).hasSize(5);
    assertThat(hops.getFirst()).as(done.toString()).startsWith(" 1  " + hop(1) + "  ");
    assertThat(hops.getLast()).as(done.toString()).startsWith(" 5  " + dst() + "  ");
    assertThat(hops).as(done.toString()).anyMatch(l -> l.endsWith("  *"));
    assertThat(done.stderr()).as(done.toString())
        .containsPattern("hoptrace: \\d probes? could not be sent \\(TTL [2-4](, [2-4])*\\), "
            + "shown as \\*: .*(ENETUNREACH|ENETDOWN|EHOSTUNREACH)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ROUTE_DELETED", "LINK_DOWN"})
  void reportThroughAnOutageSaysTheProbesWereNotSentAndDoesNotBlameThePath(String fault)
      throws Exception {
    RunningHoptrace report = RunningHoptrace.start(lab, Map.of(), "report", "-n", "-c", "25",
        "-i", "0.1", "-o", "json", dst());
    awaitThread(report, "hoptrace-live-1");
    Thread.sleep(800);
    cut(fault);
    Thread.sleep(500);
    restoreRoute();
    RunningHoptrace.Finished done = report.finish(30);

    assertThat(done.exitCode()).as(done.toString()).isZero();
    JsonNode target = JSON.readTree(done.stdout()).get("reports").get(0);
    assertThat(target.get("notSent").get("probes").asLong()).as(done.toString()).isPositive();
    assertThat(target.get("notSent").get("reason").asText())
        .containsPattern("ENETUNREACH|ENETDOWN|EHOSTUNREACH");
    List<String> kinds = new ArrayList<>();
    target.get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
    // The loss was this machine's: said once, and no hop of the path is blamed for it.
    assertThat(kinds).as(done.toString()).containsExactly("not-sent", "clean");
    assertThat(target.get("hops").get(4).get("lossPercent").asDouble()).isPositive();
  }

  @Test
  void dnsServerDyingMidTraceCostsNamesButNotTime() throws Exception {
    Path hosts = Path.of("/etc/netns", lab.client().namespace(), "hosts");
    String labHosts = Files.readString(hosts);
    Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost\n");
    try (LabDnsServer dns = LabDnsServer.startIn(lab.client().namespace())) {
      for (int ttl = 1; ttl <= 4; ttl++) {
        dns.ptr(lab.hopAddress(ttl, IpFamily.IPV4), List.of(("r" + ttl).getBytes(),
            "dns".getBytes(), "test".getBytes()));
      }
      dns.ptr(lab.destinationAddress(IpFamily.IPV4), List.of("dst".getBytes(),
          "test".getBytes()));
      // Two answers, then silence: the hops after the first two wait for names that never come.
      dns.dieAfter(2);
      RunningHoptrace trace = RunningHoptrace.start(lab, Map.of(), "-q", "1", "-w", "1",
          "--dns-timeout", "2", dst());
      RunningHoptrace.Finished done = trace.finish(30);

      assertThat(done.exitCode()).as(done.toString()).isZero();
      List<String> lines = done.stdout().lines().skip(1).toList();
      assertThat(lines).as(done.toString()).hasSize(5);
      assertThat(lines).filteredOn(l -> l.contains(".dns.test (")).as(done.toString())
          .hasSizeBetween(1, 2);
      assertThat(lines.getLast()).as(done.toString()).startsWith(" 5  " + dst() + " (" + dst()
          + ")  ");
      // Lookups run side by side, each bounded: one timeout for all, not one per hop (5 x 2 s).
      assertThat(done.millis()).as(done.toString()).isLessThan(5_000);
      assertThat(dns.queries()).isGreaterThanOrEqualTo(5);

      // The server stays dead: a report's rounds and its output wait one lookup at most.
      RunningHoptrace report = RunningHoptrace.start(lab, Map.of(), "report", "-c", "5", "-i",
          "0.1", "--dns-timeout", "2", dst());
      RunningHoptrace.Finished reported = report.finish(30);
      assertThat(reported.exitCode()).as(reported.toString()).isZero();
      assertThat(reported.stdout().lines().filter(l -> l.matches("^ *\\d+\\.\\|-- .*")))
          .as(reported.toString()).hasSize(5);
      assertThat(reported.millis()).as(reported.toString()).isLessThan(6_000);
    } finally {
      Files.writeString(hosts, labHosts);
    }
  }

  @Test
  void routerOutOfIcmpBudgetIsRateLimitingNotLossOfThePath() throws Exception {
    // The kernel's own budget for ICMP errors (icmp_msgs_per_sec, burst), not the per-peer limit:
    // hop 2 can afford 3 errors a second while 10 probes a second expire there. Echo replies are
    // outside the budget, so a direct check of hop 2 gets all its answers.
    lab.exec(lab.router(2), Duration.ofSeconds(5), "sysctl", "-q", "-w",
        "net.ipv4.icmp_msgs_per_sec=3", "net.ipv4.icmp_msgs_burst=3").orThrow();
    try {
      RunningHoptrace report = RunningHoptrace.start(lab, Map.of(), "report", "-n", "-c", "30",
          "-i", "0.1", dst());
      RunningHoptrace.Finished done = report.finish(40);

      assertThat(done.exitCode()).as(done.toString()).isZero();
      String hop2 = done.stdout().lines().filter(l -> l.startsWith(" 2.|-- ")).findFirst()
          .orElseThrow();
      assertThat(Double.parseDouble(hop2.split("\\s+")[3].replace("%", "")))
          .as(done.toString()).isGreaterThan(30);
      assertThat(done.stdout()).as(done.toString())
          .containsPattern("confirmed: hop 2 loses [0-9.]+% but later hops do not.*rate-limits")
          .contains("the path does not lose your traffic")
          .doesNotContain("continues to the destination");
    } finally {
      lab.exec(lab.router(2), Duration.ofSeconds(5), "sysctl", "-q", "-w",
          "net.ipv4.icmp_msgs_per_sec=100000", "net.ipv4.icmp_msgs_burst=100000").orThrow();
    }
  }

  /** Takes the client's way into the lab away: the route deleted, or its interface down. */
  private static void cut(String fault) {
    if (fault.equals("ROUTE_DELETED")) {
      ip("route", "del", LAB_RANGE);
    } else {
      ip("link", "set", "dev", device(), "down");
    }
  }

  /** Waits for the engine thread: the rounds have begun. */
  private static void awaitThread(RunningHoptrace run, String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline && run.alive()) {
      if (ThreadCredentials.of(run.pid()).stream().anyMatch(t -> t.name().equals(name))) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no thread " + name + " in hoptrace");
  }

  private static void restoreRoute() {
    ip("link", "set", "dev", device(), "up");
    List<String> add = new ArrayList<>(List.of("route", "replace"));
    add.addAll(List.of(route.split("\\s+")));
    ip(add.toArray(String[]::new));
  }

  private static String device() {
    List<String> words = List.of(route.split("\\s+"));
    return words.get(words.indexOf("dev") + 1);
  }

  private static String ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    return lab.exec(lab.client(), command, "", Duration.ofSeconds(10), null).orThrow().stdout();
  }

  private static String dst() {
    return AddressText.of(lab.destinationAddress(IpFamily.IPV4));
  }

  private static String hop(int ttl) {
    return AddressText.of(lab.hopAddress(ttl, IpFamily.IPV4));
  }
}
