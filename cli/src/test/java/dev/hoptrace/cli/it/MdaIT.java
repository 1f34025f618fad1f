package dev.hoptrace.cli.it;

import static dev.hoptrace.cli.it.RunAs.NOBODY_UNPRIVILEGED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.ExecResult;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hoptrace mda} on real kernels: on {@code ecmp-diamond} and {@code ecmp-wide}, where r1
 * balances per flow with Linux's L4 hash, UDP flows (one destination port each) find every
 * interface and edge the scenario has (its {@link PathGraph}), in both families, with either
 * algorithm, as root (the command builds the lab itself) and unprivileged. At 99 % a trace misses
 * a branch with probability up to 1 %, so a trace that differs is run once more (a new session
 * port, so new flows) before the test fails. Linux hashes no ICMP field: ICMP flows all take one
 * branch, and the trace shows exactly one path of the graph. The benchmark's scenario files
 * (8-way, nested, unequal branches) are traced with MDA-Lite too.
 */
class MdaIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ScenarioLab labs;
  private static Lab diamond;

  @BeforeAll
  static void build() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
    diamond = labs.of("ecmp-diamond", ScenarioLibrary.load("ecmp-diamond"));
  }

  @AfterAll
  static void tearDown() {
    if (labs != null) {
      labs.close();
    }
  }

  static Stream<Arguments> scenarios() {
    List<Arguments> all = new ArrayList<>();
    for (String scenario : List.of("ecmp-diamond", "ecmp-wide")) {
      for (IpFamily family : IpFamily.values()) {
        for (String variant : List.of("--lite", "--full")) {
          all.add(Arguments.of(scenario, family, variant));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("scenarios")
  void theCommandFindsEveryInterfaceAndEdgeInItsOwnLab(String scenario, IpFamily family,
      String variant) throws Exception {
    PathGraph expected = PathGraph.of(ScenarioLibrary.load(scenario), family == IpFamily.IPV6);
    Found found = null;
    for (int attempt = 0; attempt < 2 && (found == null || !found.matches(expected)); attempt++) {
      LabCommand.Run run = LabCommand.run("mda", "--scenario", scenario, family.flag(), variant,
          "--confidence", "99", "-w", "2", "-o", "json", "dst");
      assertThat(run.result().exitCode()).as(run.result().describe()).isZero();
      assertThat(run.result().stderr()).contains("scenario " + scenario + ", in the lab (");
      assertThat(run.leftovers()).isEmpty();
      found = Found.of(run.result());
    }
    assertThat(found.interfaces).as(found.raw).isEqualTo(Found.interfaces(expected));
    assertThat(found.edges).as(found.raw).isEqualTo(Found.edges(expected));
    assertThat(found.json.get("stopReason").asText()).isEqualTo("destination-reached");
    assertThat(found.json.get("dropped").get("unmatched").asInt()).isZero();
  }

  static Stream<Arguments> benchScenarios() {
    List<Arguments> all = new ArrayList<>();
    for (String scenario : List.of("ecmp-8way", "ecmp-nested", "ecmp-unequal")) {
      for (IpFamily family : IpFamily.values()) {
        all.add(Arguments.of(scenario, family));
      }
    }
    return all.stream();
  }

  /**
   * The benchmark's other shapes (bench/scenarios): eight next hops; balancers in a row, each
   * seeded on its own so that the second spreads what the first sent it; equal-cost branches of
   * unequal length (a link of cost 2), so r4 and the destination answer at two TTLs. MDA-Lite.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("benchScenarios")
  void liteFindsTheBenchmarkShapesInTheirLabs(String scenario, IpFamily family) throws Exception {
    Path file = Path.of("..", "bench", "scenarios", scenario + ".yaml").toAbsolutePath();
    PathGraph expected = PathGraph.of(ScenarioLibrary.read(file), family == IpFamily.IPV6);
    Found found = null;
    for (int attempt = 0; attempt < 2 && (found == null || !found.matches(expected)); attempt++) {
      LabCommand.Run run = LabCommand.run("mda", "--scenario", file.toString(), family.flag(),
          "--lite", "--confidence", "99", "-w", "2", "-o", "json", "dst");
      assertThat(run.result().exitCode()).as(run.result().describe()).isZero();
      assertThat(run.leftovers()).isEmpty();
      found = Found.of(run.result());
    }
    assertThat(found.interfaces).as(found.raw).isEqualTo(Found.interfaces(expected));
    assertThat(found.edges).as(found.raw).isEqualTo(Found.edges(expected));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void unprivilegedUdpFindsTheDiamondToo(IpFamily family) throws Exception {
    Hoptrace hoptrace = new Hoptrace(diamond);
    PathGraph expected = PathGraph.of(ScenarioLibrary.load("ecmp-diamond"),
        family == IpFamily.IPV6);
    Found found = null;
    for (int attempt = 0; attempt < 2 && (found == null || !found.matches(expected)); attempt++) {
      ExecResult run = hoptrace.runRaw(NOBODY_UNPRIVILEGED, "mda", "--mode", "unprivileged",
          family.flag(), "--confidence", "99", "-w", "2", "-o", "json",
          AddressText.of(diamond.destinationAddress(family)));
      assertThat(run.exitCode()).as(run.describe()).isZero();
      found = Found.of(run);
    }
    assertThat(found.interfaces).as(found.raw).isEqualTo(Found.interfaces(expected));
    assertThat(found.edges).as(found.raw).isEqualTo(Found.edges(expected));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(IpFamily.class)
  void icmpFlowsTakeOneBranchAsLinuxHashesNoIcmpField(IpFamily family) throws Exception {
    ExecResult run = new Hoptrace(diamond).runRaw(RunAs.ROOT_RAW, "mda", "-I", family.flag(),
        "-w", "2", "-o", "json", AddressText.of(diamond.destinationAddress(family)));
    assertThat(run.exitCode()).as(run.describe()).isZero();
    Found found = Found.of(run);
    PathGraph expected = PathGraph.of(ScenarioLibrary.load("ecmp-diamond"),
        family == IpFamily.IPV6);
    assertThat(Found.interfaces(expected)).as(run.stdout()).containsAll(found.interfaces);
    assertThat(Found.edges(expected)).as(run.stdout()).containsAll(found.edges);
    for (JsonNode hop : found.json.get("hops")) {
      assertThat(hop.get("interfaces").size()).as(run.stdout()).isEqualTo(1);
    }
    assertThat(found.json.get("stopReason").asText()).isEqualTo("destination-reached");
  }

  /** What a trace's JSON shows, as "TTL address" and "TTL from -> TTL to" strings. */
  private record Found(JsonNode json, String raw, Set<String> interfaces, Set<String> edges) {
    static Found of(ExecResult run) throws Exception {
      JsonNode json = JSON.readTree(run.stdout());
      Set<String> interfaces = new HashSet<>();
      Set<String> edges = new HashSet<>();
      for (JsonNode hop : json.get("hops")) {
        int ttl = hop.get("ttl").asInt();
        hop.get("interfaces").forEach(i -> interfaces.add(ttl + " " + i.get("address").asText()));
        for (JsonNode link : hop.get("links")) {
          edges.add(link.get("fromTtl").asInt() + " " + link.get("from").asText() + " -> " + ttl
              + " " + link.get("to").asText());
        }
      }
      return new Found(json, run.stdout(), interfaces, edges);
    }

    boolean matches(PathGraph expected) {
      return interfaces.equals(interfaces(expected)) && edges.equals(edges(expected));
    }

    static Set<String> interfaces(PathGraph graph) {
      Set<String> all = new HashSet<>();
      graph.interfaces().forEach((ttl, addresses) -> addresses.forEach(
          a -> all.add(ttl + " " + AddressText.of(a))));
      return all;
    }

    static Set<String> edges(PathGraph graph) {
      Set<String> all = new HashSet<>();
      graph.edges().forEach(e -> all.add((e.ttl() - 1) + " " + AddressText.of(e.from()) + " -> "
          + e.ttl() + " " + AddressText.of(e.to())));
      return all;
    }
  }
}
