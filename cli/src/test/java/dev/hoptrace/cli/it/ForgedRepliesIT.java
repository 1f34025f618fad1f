package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.lab.LabOptions;
import dev.hoptrace.lab.TunLinkFactory;
import dev.hoptrace.packet.forge.Forgery;
import dev.hoptrace.packet.forge.ForgeryPlan;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An adversary on the path: a forger taps the client's link ({@link ForgeryPlan#everything}),
 * reads every probe and answers it with Time Exceeded and Destination Unreachable messages that
 * quote plausible probes (another sequence, another destination, a stale probe, a cut quote, an
 * error about an error), and sends broken copies of every real error ahead of it (bad checksum,
 * lying lengths, broken extensions). Whatever the method and mode, the trace must show the
 * scenario's path, hop by hop, and nothing of the liar, and count what it dropped.
 */
class ForgedRepliesIT {
  private static final String SCENARIO = """
      name: forged
      description: Three routers; a forger taps the client's link (ForgedRepliesIT).
      nodes:
        - {name: client, role: client}
        - {name: r1}
        - {name: r2}
        - {name: r3}
        - {name: dst, role: destination}
      links:
        - {between: client -- r1, delay: 1ms}
        - r1 -- r2
        - r2 -- r3
        - r3 -- dst
      """;
  private static final Pattern DROPPED = Pattern.compile(
      "dropped replies: (\\d+) unmatched, (\\d+) late, (\\d+) duplicate, (\\d+) malformed");

  private static InetAddress liarV4;
  private static InetAddress liarV6;
  private static Lab lab;

  @BeforeAll
  static void start() throws IOException {
    ItEnvironment.requireRoot();
    liarV4 = InetAddress.getByName("198.18.250.66");
    liarV6 = InetAddress.getByName("2001:db8:fa::66");
    lab = start(ForgeryPlan.everything((Inet4Address) liarV4, (Inet6Address) liarV6));
  }

  /** The scenario with a forger on the client's link telling {@code plan}'s lies. */
  private static Lab start(ForgeryPlan plan) throws IOException {
    Path dir = Files.createTempDirectory("hoptrace-forged-");
    Path file = Files.writeString(dir.resolve("forged.yaml"), SCENARIO);
    try {
      return Lab.start(ScenarioLibrary.read(file), LabOptions.DEFAULT.withEmulator(
          TunLinkFactory.withForgerNextToClient(plan)));
    } finally {
      Files.delete(file);
      Files.delete(dir);
    }
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "IPV4, UDP, ROOT_RAW", "IPV4, ICMP, ROOT_RAW", "IPV4, TCP, ROOT_RAW",
      "IPV4, UDP, NOBODY_UNPRIVILEGED", "IPV4, ICMP, NOBODY_UNPRIVILEGED",
      "IPV4, TCP, NOBODY_UNPRIVILEGED",
      "IPV6, UDP, ROOT_RAW", "IPV6, ICMP, ROOT_RAW", "IPV6, TCP, ROOT_RAW",
      "IPV6, UDP, NOBODY_UNPRIVILEGED", "IPV6, ICMP, NOBODY_UNPRIVILEGED",
      "IPV6, TCP, NOBODY_UNPRIVILEGED"})
  void showsTheRealPathAndCountsTheLies(IpFamily family, Method method, RunAs user) {
    TraceReport report = new Hoptrace(lab).trace(user, args(family, method));

    assertThat(report.reached()).as(report.raw()).isTrue();
    assertThat(report.respondersPerHop()).as(report.raw()).isEqualTo(expectedPath(family));
    long errors = errorsShown(report);
    long malformed = report.dropped().get("malformed").asLong();
    if (user.root()) {
      // Every probe's lies that quote its identity pass the kernel's filter and are dropped:
      // at least the wrong sequence from the liar and from the destination, per probe sent.
      assertThat(report.dropped().get("unmatched").asLong()).as(report.raw())
          .isGreaterThanOrEqualTo(2L * probesAnswered(report));
    }
    // Each real error shown came after its broken copies (those of the last hop may come after
    // the trace ended). IPv4 raw sees and counts all six; IPv6 raw the three broken extensions
    // (the kernel drops bad ICMPv6 checksums); the error queue hides a lying length and the
    // quote, and shows two broken extensions on the shared ping socket, and on a socket per
    // probe (UDP, TCP) only the first, which it keeps, closing the socket.
    long perError = !user.root() ? (method == Method.ICMP ? 2 : 1)
        : family == IpFamily.IPV4 ? 6 : 3;
    assertThat(malformed).as(report.raw())
        .isGreaterThanOrEqualTo(perError * Math.max(0, errors - 3));
  }

  /** Paris keeps one flow: one socket for every unprivileged UDP probe, identity in the checksum. */
  @ParameterizedTest(name = "paris {0} {1} {2}")
  @CsvSource({
      "IPV4, UDP, ROOT_RAW", "IPV4, ICMP, ROOT_RAW", "IPV4, TCP, ROOT_RAW",
      "IPV4, UDP, NOBODY_UNPRIVILEGED", "IPV4, ICMP, NOBODY_UNPRIVILEGED",
      "IPV6, UDP, ROOT_RAW", "IPV6, ICMP, ROOT_RAW", "IPV6, UDP, NOBODY_UNPRIVILEGED",
      "IPV6, ICMP, NOBODY_UNPRIVILEGED"})
  void parisShowsTheRealPath(IpFamily family, Method method, RunAs user) {
    List<String> args = new ArrayList<>(List.of("--paris"));
    args.addAll(List.of(args(family, method)));
    TraceReport report = new Hoptrace(lab).trace(user, args.toArray(String[]::new));

    assertThat(report.reached()).as(report.raw()).isTrue();
    assertThat(report.respondersPerHop()).as(report.raw()).isEqualTo(expectedPath(family));
  }

  /** MDA sends many flows per hop and would take any lie for a new interface: it must not. */
  @ParameterizedTest(name = "mda {0} {1} {2}")
  @CsvSource({"IPV4, UDP, ROOT_RAW", "IPV6, ICMP, ROOT_RAW", "IPV4, UDP, NOBODY_UNPRIVILEGED",
      "IPV6, UDP, NOBODY_UNPRIVILEGED"})
  void mdaFindsOnlyTheRealInterfaces(IpFamily family, Method method, RunAs user)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("mda", "--mode", user.mode(), "-n", "-o", "json",
        family.flag(), "-w", "1"));
    args.addAll(method.flags());
    args.add(AddressText.of(lab.destinationAddress(family)));
    ExecResult run = new Hoptrace(lab).runRaw(user, args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.stdout());

    List<List<String>> interfaces = new ArrayList<>();
    for (JsonNode hop : json.get("hops")) {
      List<String> addresses = new ArrayList<>();
      hop.get("interfaces").forEach(i -> addresses.add(i.get("address").asText()));
      interfaces.add(addresses);
    }
    assertThat(interfaces).as(run.stdout()).isEqualTo(lab.pathAddresses(family).stream()
        .map(a -> List.of(AddressText.of(a))).toList());
    assertThat(json.get("stopReason").asText()).isEqualTo("destination-reached");
  }

  /**
   * Report rounds for longer than the forger waits before it replays a probe: its stale lies
   * now quote probes of this very trace, answered rounds ago. With no other lie told (a lab of
   * its own), they must count as duplicates, never as answers, and every round must still see
   * the real hops only.
   */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({"IPV4, UDP, ROOT_RAW", "IPV6, ICMP, NOBODY_UNPRIVILEGED"})
  void staleLiesAboutEarlierRoundsAreNeverAnswers(IpFamily family, Method method, RunAs user)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("report", "--mode", user.mode(), "-n", "-o",
        "json", family.flag(), "-c", "12", "-i", "0.4"));
    args.addAll(method.flags());
    args.add(AddressText.of(lab.destinationAddress(family)));
    ExecResult run;
    List<InetAddress> path;
    try (Lab stale = start(new ForgeryPlan((Inet4Address) liarV4, (Inet6Address) liarV6,
        EnumSet.of(Forgery.STALE), Duration.ofSeconds(2)))) {
      run = new Hoptrace(stale).runRaw(user, args.toArray(String[]::new));
      path = stale.pathAddresses(family);
    }
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.stdout()).get("reports").get(0);
    String raw = report.toString();

    JsonNode hops = report.get("hops");
    assertThat(hops).as(raw).hasSize(path.size());
    for (int i = 0; i < path.size(); i++) {
      JsonNode responders = hops.get(i).get("responders");
      assertThat(responders).as(raw).hasSize(1);
      assertThat(responders.get(0).get("address").asText()).as(raw)
          .isEqualTo(AddressText.of(path.get(i)));
    }
    // Rounds after the first 2 s get one stale lie per probe, about an answered probe.
    JsonNode dropped = report.get("dropped");
    assertThat(dropped.get("duplicate").asLong()).as(raw).isGreaterThanOrEqualTo(path.size());
    assertThat(dropped.get("unmatched").asLong() + dropped.get("malformed").asLong()).as(raw)
        .isZero();
  }

  @Test
  void verboseTextCountsWhatJsonCounts() {
    String[] args = args(IpFamily.IPV4, Method.UDP);
    List<String> verbose = new ArrayList<>(List.of("-v"));
    verbose.addAll(List.of(args));
    ExecResult text = new Hoptrace(lab).text(RunAs.ROOT_RAW, verbose.toArray(String[]::new));
    Matcher m = DROPPED.matcher(text.stderr()); // the summary goes where -v's notes go
    assertThat(m.find()).as(text.describe()).isTrue();
    assertThat(Long.parseLong(m.group(1))).as(text.describe()).isPositive();
    assertThat(Long.parseLong(m.group(4))).as(text.describe()).isPositive();
    assertThat(text.stdout()).doesNotContain(AddressText.of(liarV4));
    assertThat(text.stderr()).as(text.describe()).doesNotContain("Exception");
  }

  private static String[] args(IpFamily family, Method method) {
    List<String> args = new ArrayList<>(List.of(family.flag(), "-w", "1", "-q", "3"));
    args.addAll(method.flags());
    args.add(AddressText.of(lab.destinationAddress(family)));
    return args.toArray(String[]::new);
  }

  /** Hop by hop, the one address the scenario says answers there. */
  private static List<List<InetAddress>> expectedPath(IpFamily family) {
    return lab.pathAddresses(family).stream().map(List::of).toList();
  }

  /** Probes answered by an ICMP error: each had broken copies sent ahead of it. */
  private static long errorsShown(TraceReport report) {
    return report.hops().stream().flatMap(h -> h.probes().stream())
        .filter(p -> p.kind().equals("time-exceeded") || p.kind().equals("unreachable")).count();
  }

  private static long probesAnswered(TraceReport report) {
    return report.hops().stream().flatMap(h -> h.probes().stream())
        .filter(p -> p.responder() != null).count();
  }
}
