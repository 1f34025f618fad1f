package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several hoptrace processes on one client tracing the same destination at once, raw and
 * unprivileged side by side: raw sockets see every ICMP message the host receives and ping
 * sockets share the echo identifier space, so each process must keep to its own replies. Each
 * must see the scenario's path with every probe answered once, sane RTTs, and no other process's
 * reply counted as a late or second answer to one of its own probes (where another's reply
 * reaches it at all, it is unmatched).
 */
class ConcurrentTracesIT {
  private static final String SCENARIO = "linear";
  /** Per mode; the processes of both modes run at once. */
  private static final int PROCESSES_PER_MODE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The client's only ephemeral port, and the identifier the squatting ping socket holds. */
  private static final int SQUATTED = 40_000;

  private static ScenarioLab labs;
  private static Lab lab;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
    lab = labs.of(SCENARIO, ScenarioFile.load(SCENARIO));
    pool = Executors.newFixedThreadPool(2 * PROCESSES_PER_MODE);
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (labs != null) {
      labs.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"IPV4, UDP", "IPV4, ICMP", "IPV4, TCP", "IPV6, UDP", "IPV6, ICMP", "IPV6, TCP"})
  void eachTraceSeesItsOwnReplies(IpFamily family, Method method) throws Exception {
    Hoptrace hoptrace = new Hoptrace(lab);
    List<String> args = new ArrayList<>(List.of(family.flag(), "-w", "2", "-q", "3"));
    args.addAll(method.flags());
    args.add(AddressText.of(lab.destinationAddress(family)));
    List<TraceReport> reports = all(user -> hoptrace.trace(user, args.toArray(String[]::new)));

    List<List<InetAddress>> path = lab.pathAddresses(family).stream().map(List::of).toList();
    for (TraceReport report : reports) {
      assertThat(report.respondersPerHop()).as(report.raw()).isEqualTo(path);
      assertThat(report.hops()).allSatisfy(hop -> assertThat(hop.probes()).as(report.raw())
          .allSatisfy(p -> assertThat(p.rttMs()).isNotNull().isBetween(0.0, 1000.0)));
      assertThat(report.dropped().get("late").asLong()).as(report.raw()).isZero();
      assertThat(report.dropped().get("duplicate").asLong()).as(report.raw()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"IPV4, UDP", "IPV4, ICMP", "IPV4, TCP", "IPV6, UDP", "IPV6, ICMP", "IPV6, TCP"})
  void eachReportCountsOnlyItsOwnRounds(IpFamily family, Method method) throws Exception {
    Hoptrace hoptrace = new Hoptrace(lab);
    List<String> args = new ArrayList<>(List.of("report", "-n", "-o", "json", family.flag(),
        "-c", "5", "-i", "0.1"));
    args.addAll(method.flags());
    args.add(AddressText.of(lab.destinationAddress(family)));
    List<JsonNode> reports = all(user -> {
      List<String> withMode = new ArrayList<>(args);
      withMode.addAll(1, List.of("--mode", user.mode()));
      ExecResult run = hoptrace.runRaw(user, withMode.toArray(String[]::new));
      assertThat(run.exitCode()).as(run.describe()).isZero();
      return JSON.readTree(run.stdout()).get("reports").get(0);
    });

    List<InetAddress> path = lab.pathAddresses(family);
    for (JsonNode report : reports) {
      String raw = report.toString();
      assertThat(report.get("rounds").asLong()).as(raw).isEqualTo(5);
      JsonNode hops = report.get("hops");
      assertThat(hops).as(raw).hasSize(path.size());
      for (int i = 0; i < path.size(); i++) {
        JsonNode hop = hops.get(i);
        assertThat(hop.get("received").asLong()).as(raw).isEqualTo(hop.get("sent").asLong());
        JsonNode responders = hop.get("responders");
        assertThat(responders).as(raw).hasSize(1);
        assertThat(responders.get(0).get("address").asText())
            .isEqualTo(AddressText.of(path.get(i)));
        assertThat(responders.get(0).get("replies").asLong()).as(raw)
            .isEqualTo(hop.get("received").asLong());
      }
      assertThat(report.get("dropped").get("late").asLong()).as(raw).isZero();
      assertThat(report.get("dropped").get("duplicate").asLong()).as(raw).isZero();
    }
  }

  /**
   * A raw ICMP trace and a ping socket (another hoptrace, a ping) never share an echo
   * identifier, even when the raw trace's usual UDP port number is the one the ping socket holds:
   * here the client's only ephemeral port is the identifier a busy ping socket is bound to.
   * Sharing it, the raw trace would take the ping's echo replies for its own.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"IPV4", "IPV6"})
  void rawIcmpNeverSharesItsIdentifierWithAPingSocket(IpFamily family) throws Exception {
    String range = lab.exec(lab.client(), Duration.ofSeconds(5), "sysctl", "-n",
        "net.ipv4.ip_local_port_range").orThrow().stdout().strip().replaceAll("\\s+", " ");
    lab.exec(lab.client(), Duration.ofSeconds(5), "sysctl", "-q", "-w",
        "net.ipv4.ip_local_port_range=" + SQUATTED + " " + SQUATTED).orThrow();
    try (PingSquatter ping = PingSquatter.start(lab, family, SQUATTED)) {
      TraceReport report = new Hoptrace(lab).trace(RunAs.ROOT_RAW, family.flag(), "-I", "-w",
          "1", "-q", "3", AddressText.of(lab.destinationAddress(family)));

      assertThat(ping.sent()).as("echo requests the squatter sent").isPositive();
      List<List<InetAddress>> path = lab.pathAddresses(family).stream().map(List::of).toList();
      assertThat(report.respondersPerHop()).as(report.raw()).isEqualTo(path);
      assertThat(report.dropped().get("late").asLong()).as(report.raw()).isZero();
      assertThat(report.dropped().get("duplicate").asLong()).as(report.raw()).isZero();
    } finally {
      lab.exec(lab.client(), Duration.ofSeconds(5), "sysctl", "-q", "-w",
          "net.ipv4.ip_local_port_range=" + range).orThrow();
    }
  }

  /** What each process made of its run: both modes, started together. */
  private static <T> List<T> all(Run<T> run) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < PROCESSES_PER_MODE; i++) {
      for (RunAs user : RunAs.values()) {
        Callable<T> task = () -> run.as(user);
        futures.add(pool.submit(task));
      }
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    return results;
  }

  @FunctionalInterface
  private interface Run<T> {
    T as(RunAs user) throws Exception;
  }
}
