package dev.hoptrace.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Path MTU discovery ({@code --mtu}) on real kernel routers: the client's link carries 1500
 * bytes, the link after router 2 1400, the one after router 3 1300. Every method, family and
 * mode must find the same two drops where the system's {@code traceroute --mtu} and {@code
 * tracepath} find them.
 */
class PathMtuIT {
  private static final String TWO_DROPS_YAML = """
      name: two-drops
      description: 1500 to router 2, then 1400 to router 3, then 1300 to the destination.
      nodes:
        - {name: client, role: client}
        - {name: r1}
        - {name: r2}
        - {name: r3}
        - {name: dst, role: destination}
      links:
        - client -- r1
        - r1 -- r2
        - {between: r2 -- r3, mtu: 1400}
        - {between: r3 -- dst, mtu: 1300}
      """;
  private static final Scenario TWO_DROPS = ScenarioReader.read(TWO_DROPS_YAML, "two-drops");
  private static final Pattern MARK = Pattern.compile("\\s+F=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    lab = Lab.start(TWO_DROPS);
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  /** Each run starts from a client that has learnt no path MTU, as a fresh host would. */
  @BeforeEach
  void forgetPathMtus() {
    lab.exec(lab.client(), Duration.ofSeconds(10), "ip", "route", "flush", "cache").orThrow();
    lab.exec(lab.client(), Duration.ofSeconds(10), "ip", "-6", "route", "flush", "cache")
        .orThrow();
  }

  static Stream<Arguments> methodsFamiliesAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (Method method : List.of(Method.UDP, Method.ICMP, Method.TCP)) {
      for (IpFamily family : IpFamily.values()) {
        for (RunAs user : RunAs.values()) {
          if (method != Method.TCP || user == RunAs.ROOT_RAW) {
            all.add(Arguments.of(method, family, user));
          }
        }
      }
    }
    return all.stream();
  }

  /** F=NUM marks of a text trace, by TTL: where the MTU dropped. */
  private static Map<Integer, List<Integer>> marks(String text) {
    Map<Integer, List<Integer>> marks = new LinkedHashMap<>();
    for (String line : text.lines().skip(1).toList()) {
      int ttl = Integer.parseInt(line.trim().split("\\s+")[0]);
      Matcher m = MARK.matcher(line);
      while (m.find()) {
        marks.computeIfAbsent(ttl, t -> new ArrayList<>()).add(Integer.parseInt(m.group(1)));
      }
    }
    return marks;
  }

  /** The hops of a text trace with its F=NUM marks taken out. */
  private static TextTrace hops(String text) {
    return TextTrace.parse(MARK.matcher(text).replaceAll(""));
  }

  private List<String> args(Method method, IpFamily family, String... more) {
    List<String> args = new ArrayList<>(method.flags());
    args.addAll(List.of("--mtu", family.flag(), "-w", "2"));
    args.addAll(List.of(more));
    args.add(AddressText.of(lab.destinationAddress(family)));
    return args;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("methodsFamiliesAndModes")
  void findsBothDropsOneHopPastTheRouterThatReportsThem(Method method, IpFamily family,
      RunAs user) throws Exception {
    Hoptrace hoptrace = new Hoptrace(lab);
    ExecResult text = hoptrace.text(user, args(method, family).toArray(String[]::new));

    assertThat(text.stdout().lines().findFirst().orElseThrow()).contains("65000 byte packets");
    assertThat(marks(text.stdout())).as(text.describe())
        .isEqualTo(Map.of(1, List.of(1500), 3, List.of(1400), 4, List.of(1300)));
    assertThat(hops(text.stdout()).respondersPerHop()).as(text.describe())
        .isEqualTo(lab.pathAddresses(family).stream().map(List::of).toList());

    forgetPathMtus();
    List<String> json = new ArrayList<>(List.of("-n", "-o", "json", "--mode", user.mode()));
    json.addAll(args(method, family));
    ExecResult run = hoptrace.runRaw(user, json.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode mtu = JSON.readTree(run.stdout()).get("pathMtu");
    assertThat(mtu.get("start").asInt()).isEqualTo(65000);
    assertThat(mtu.get("mtu").asInt()).isEqualTo(1300);
    List<String> drops = new ArrayList<>();
    mtu.get("drops").forEach(d -> drops.add(d.get("ttl").asInt() + ":" + d.get("mtu").asInt()
        + " from " + d.get("reportedBy").asText()));
    assertThat(drops).as(run.describe()).containsExactly(
        "1:1500 from " + AddressText.of(lab.clientAddress(family)),
        "3:1400 from " + AddressText.of(lab.hopAddress(2, family)),
        "4:1300 from " + AddressText.of(lab.hopAddress(3, family)));
    JsonNode hop4 = JSON.readTree(run.stdout()).get("hops").get(3).get("probes");
    hop4.forEach(p -> assertThat(p.get("size").asInt()).isEqualTo(1300));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("udpAndIcmpBothFamilies")
  void marksTheSameHopsAsTracerouteMtu(Method method, IpFamily family) {
    List<String> args = args(method, family);
    ExecResult theirs = lab.exec(lab.client(), Stream.concat(Stream.of("traceroute", "-n"),
        args.stream()).toList(), "", Duration.ofSeconds(60), null);
    assertThat(theirs.exitCode()).as(theirs.describe()).isZero();
    forgetPathMtus();
    ExecResult ours = new Hoptrace(lab).text(RunAs.ROOT_RAW, args.toArray(String[]::new));

    assertThat(marks(ours.stdout())).as("hoptrace:\n%s\ntraceroute:\n%s", ours.stdout(),
        theirs.stdout()).isEqualTo(marks(theirs.stdout()));
    assertThat(hops(ours.stdout()).respondersPerHop())
        .isEqualTo(hops(theirs.stdout()).respondersPerHop());
  }

  static Stream<Arguments> udpAndIcmpBothFamilies() {
    return Stream.of(Method.UDP, Method.ICMP).flatMap(m -> Stream.of(IpFamily.values())
        .map(f -> Arguments.of(m, f)));
  }

  /**
   * tracepath prints {@code pmtu N} on the line of the router that reported it, at the TTL whose
   * probe it refused: the same TTL and reporter as hoptrace's drops, and the same final MTU.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void agreesWithTracepath(IpFamily family) throws Exception {
    ExecResult probe = lab.exec(lab.client(), Duration.ofSeconds(5), "sh", "-c",
        "command -v tracepath");
    Assumptions.assumeTrue(probe.succeeded(), "tracepath is not installed (iputils-tracepath,"
        + " installed by .ci/run)");
    String dst = AddressText.of(lab.destinationAddress(family));
    ExecResult theirs = lab.exec(lab.client(), Duration.ofSeconds(60), "tracepath", "-n",
        family.flag(), dst);
    assertThat(theirs.exitCode()).as(theirs.describe()).isZero();
    List<String> tracepathDrops = new ArrayList<>();
    Matcher line = Pattern.compile("(?m)^\\s*(\\d+)\\??:\\s+(\\S+).*pmtu (\\d+)")
        .matcher(theirs.stdout());
    while (line.find()) {
      String from = line.group(2).equals("[LOCALHOST]")
          ? AddressText.of(lab.clientAddress(family)) : line.group(2);
      tracepathDrops.add(line.group(1) + ":" + line.group(3) + " from " + from);
    }
    Matcher resume = Pattern.compile("Resume: pmtu (\\d+)").matcher(theirs.stdout());
    assertThat(resume.find()).as(theirs.describe()).isTrue();

    forgetPathMtus();
    ExecResult run = new Hoptrace(lab).runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "-o", "json",
        "--mode", "unprivileged", "--mtu", family.flag(), dst);
    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode mtu = JSON.readTree(run.stdout()).get("pathMtu");
    List<String> ours = new ArrayList<>();
    mtu.get("drops").forEach(d -> ours.add(d.get("ttl").asInt() + ":" + d.get("mtu").asInt()
        + " from " + d.get("reportedBy").asText()));
    assertThat(ours).as("tracepath:\n%s\nhoptrace:\n%s", theirs.stdout(), run.stdout())
        .isEqualTo(tracepathDrops);
    assertThat(mtu.get("mtu").asInt()).isEqualTo(Integer.parseInt(resume.group(1)));
  }

  /** The simulator, given the same scenario file, finds what the kernels found. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("someOfEach")
  void theSimulatorFindsTheSameDrops(Method method, IpFamily family, RunAs user,
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("two-drops.yaml");
    Files.writeString(file, TWO_DROPS_YAML);
    List<String> args = args(method, family);
    TraceReport simulated = new SimulatedHoptrace(file.toString()).trace(user.mode(), args);
    TraceReport real = new Hoptrace(lab).trace(user, args.toArray(String[]::new));

    assertThat(drops(real.raw())).as("lab: %s\nsimulator: %s", real.raw(), simulated.raw())
        .isEqualTo(drops(simulated.raw())).hasSize(4);
    assertThat(real.respondersPerHop()).isEqualTo(simulated.respondersPerHop());
  }

  static Stream<Arguments> someOfEach() {
    return Stream.of(Arguments.of(Method.UDP, IpFamily.IPV4, RunAs.ROOT_RAW),
        Arguments.of(Method.ICMP, IpFamily.IPV6, RunAs.NOBODY_UNPRIVILEGED),
        Arguments.of(Method.TCP, IpFamily.IPV6, RunAs.ROOT_RAW),
        Arguments.of(Method.UDP, IpFamily.IPV6, RunAs.NOBODY_UNPRIVILEGED));
  }

  private static List<String> drops(String json) throws Exception {
    List<String> drops = new ArrayList<>();
    JsonNode mtu = JSON.readTree(json).get("pathMtu");
    mtu.get("drops").forEach(d -> drops.add(d.get("ttl").asInt() + ":" + d.get("mtu").asInt()
        + " from " + d.get("reportedBy").asText()));
    drops.add("path MTU " + mtu.get("mtu").asInt());
    return drops;
  }

  /**
   * {@code report --mtu}: the drops found before the rounds are marked on the same hops as the
   * trace's, while the rounds' 60-byte probes cross the whole path without loss.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("bothFamiliesAndModes")
  void theReportMarksTheSameHopsAndItsRoundsLoseNothing(IpFamily family, RunAs user)
      throws Exception {
    ExecResult run = new Hoptrace(lab).runRaw(user, "report", "-n", "-o", "json", "--mode",
        user.mode(), "-c", "3", "-i", "0.2", "--mtu", family.flag(),
        AddressText.of(lab.destinationAddress(family)));
    assertThat(run.exitCode()).as(run.describe()).isZero();

    JsonNode target = JSON.readTree(run.stdout()).get("reports").get(0);
    JsonNode mtu = target.get("pathMtu");
    assertThat(mtu.get("mtu").asInt()).as(run.describe()).isEqualTo(1300);
    List<String> drops = new ArrayList<>();
    mtu.get("drops").forEach(d -> drops.add(d.get("ttl").asInt() + ":" + d.get("mtu").asInt()
        + " from " + d.get("reportedBy").asText()));
    assertThat(drops).as(run.describe()).containsExactly(
        "1:1500 from " + AddressText.of(lab.clientAddress(family)),
        "3:1400 from " + AddressText.of(lab.hopAddress(2, family)),
        "4:1300 from " + AddressText.of(lab.hopAddress(3, family)));
    List<String> hops = new ArrayList<>();
    target.get("hops").forEach(h -> hops.add(h.get("ttl").asInt() + ":" + h.get("learnedMtu")
        + " " + h.get("lossPercent").asDouble()));
    assertThat(hops).as(run.describe())
        .containsExactly("1:1500 0.0", "2:null 0.0", "3:1400 0.0", "4:1300 0.0");
    assertThat(target.get("packetLength").asInt()).isEqualTo(family == IpFamily.IPV4 ? 60 : 80);
  }

  static Stream<Arguments> bothFamiliesAndModes() {
    return Stream.of(IpFamily.values()).flatMap(f -> Stream.of(RunAs.ROOT_RAW,
        RunAs.NOBODY_UNPRIVILEGED).map(u -> Arguments.of(f, u)));
  }

  @Test
  void unprivilegedTcpIsRefusedInOneLine() {
    ExecResult run = new Hoptrace(lab).runRaw(RunAs.NOBODY_UNPRIVILEGED, "-n", "--mode",
        "unprivileged", "-T", "--mtu", AddressText.of(lab.destinationAddress(IpFamily.IPV4)));
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(run.stderr()).contains("--mtu", "raw mode");
  }

  /**
   * Without --mtu, a raw IPv6 probe larger than the path MTU the client kernel has learnt is sent
   * as built and answered with Packet Too Big each time (it once ended the trace with exit 5,
   * {@code sendto: EMSGSIZE}, from the second probe on).
   */
  @Test
  void rawIpv6ProbesTooBigForThePathAreAnsweredNotFatal() {
    String dst = AddressText.of(lab.destinationAddress(IpFamily.IPV6));
    Hoptrace hoptrace = new Hoptrace(lab);
    for (int run = 0; run < 2; run++) { // the second run starts with the MTU learnt
      TraceReport report = hoptrace.trace(RunAs.ROOT_RAW, "-6", "-w", "2", dst, "1500");
      assertThat(report.hops()).hasSize(3);
      assertThat(report.hop(3).probes()).as(report.raw()).allSatisfy(p -> {
        assertThat(p.annotation()).isEqualTo("!F-1400");
        assertThat(p.responder()).isEqualTo(lab.hopAddress(2, IpFamily.IPV6));
      });
    }
  }
}
