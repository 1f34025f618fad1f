package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk traces through the short-quote lab, whose r2 (a router hop in the link emulator) quotes
 * only the IP header and 8 bytes of each probe, as RFC 792 allows: the stamp is cut off, and bulk
 * mode must still tie r2's answers to their probes, as the one-shot tracer does.
 */
class ShortQuoteBulkIT {
  private static Lab lab;

  @BeforeAll
  static void lab() {
    ItEnvironment.requireRoot();
    lab = Lab.start(ScenarioLibrary.load("short-quote"), ScenarioLab.OPTIONS);
  }

  @AfterAll
  static void close() {
    if (lab != null) {
      lab.close();
    }
  }

  private static ExecResult bulk(RunAs user, List<InetAddress> targets, String... args) {
    StringBuilder list = new StringBuilder();
    targets.forEach(t -> list.append(AddressText.of(t)).append('\n'));
    Path jar = user.root() ? ItEnvironment.jar() : ItEnvironment.publicJar();
    List<String> command = new ArrayList<>(user.prefix());
    command.addAll(List.of(ItEnvironment.java().toString(), "--enable-native-access=ALL-UNNAMED",
        "-XX:-UsePerfData", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toString(), "bulk", "-f", "-", "--mode", user.mode(), "--rate", "300"));
    command.addAll(List.of(args));
    ExecResult run = lab.exec(lab.client(), command, list.toString(), Hoptrace.HANG,
        jar.getParent());
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    return run;
  }

  @ParameterizedTest
  @CsvSource({
      "ROOT_RAW, -U, false, IPV4", "ROOT_RAW, -U, true, IPV4",
      "ROOT_RAW, -I, false, IPV4", "ROOT_RAW, -I, true, IPV4",
      "NOBODY_UNPRIVILEGED, -U, false, IPV4", "NOBODY_UNPRIVILEGED, -U, true, IPV4",
      "NOBODY_UNPRIVILEGED, -I, false, IPV4", "NOBODY_UNPRIVILEGED, -I, true, IPV4",
      "ROOT_RAW, -U, false, IPV6", "ROOT_RAW, -I, false, IPV6",
      "ROOT_RAW, -T, false, IPV4", "ROOT_RAW, -T, true, IPV4", "ROOT_RAW, -T, true, IPV6"})
  void bulkEqualsTheOneShotTraceThroughARouterQuotingEightBytes(RunAs user, String method,
      boolean paris, IpFamily family) {
    List<InetAddress> targets = lab.pathAddresses(family);
    List<String> flags = new ArrayList<>(List.of(method));
    if (paris) {
      flags.add("--paris");
    }
    ExecResult run = bulk(user, targets, flags.toArray(String[]::new));
    Map<InetAddress, TraceReport> bulk = new HashMap<>();
    for (String line : run.stdout().lines().toList()) {
      TraceReport report = TraceReport.parse(new ExecResult(run.command(), 0, line, "", false,
          Duration.ZERO));
      bulk.put(report.address(), report);
    }
    assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(targets);
    Hoptrace oneShot = new Hoptrace(lab);
    InetAddress r2 = lab.hopAddress(2, family);
    boolean r2Seen = false;
    for (InetAddress target : targets) {
      List<String> args = new ArrayList<>(flags);
      args.add(AddressText.of(target));
      TraceReport single = oneShot.trace(user, args.toArray(String[]::new));
      TraceReport many = bulk.get(target);
      assertThat(many.respondersPerHop()).as("hops to %s", target)
          .isEqualTo(single.respondersPerHop());
      assertThat(many.stopReason()).isEqualTo(single.stopReason());
      r2Seen |= many.respondersPerHop().size() > 1
          && many.respondersPerHop().get(1).contains(r2);
    }
    // Unprivileged Paris UDP cannot tell r2's answers apart (the error queue strips the UDP
    // header, and every probe has one port); everywhere else r2 answers.
    boolean blind = user == RunAs.NOBODY_UNPRIVILEGED && method.equals("-U") && paris;
    assertThat(r2Seen).as("r2 seen").isEqualTo(!blind);
    if (!blind) {
      assertThat(run.stderr()).doesNotContainPattern("\\b[1-9]\\d* unmatched");
    }
  }
}
