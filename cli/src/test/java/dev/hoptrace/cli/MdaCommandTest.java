package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.packet.AddressText;
import dev.hoptrace.scenario.PathGraph;
import dev.hoptrace.scenario.ScenarioLibrary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code hoptrace mda} through the simulator: every interface and edge of the scenario's graph is
 * printed, in text, JSON and DOT; wrong options are usage errors.
 */
class MdaCommandTest {
  private final OfflineCommand command = new OfflineCommand();

  /** Runs one command line; the output is that run's alone. */
  private int run(String... args) {
    command.reset();
    return command.run(args);
  }

  private String output(String... args) {
    assertThat(run(args)).as(command.stderr()).isZero();
    return command.stdout();
  }

  private static PathGraph graph(String scenario, boolean v6) {
    return PathGraph.of(ScenarioLibrary.load(scenario), v6);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @CsvSource({"ecmp-diamond,-U,-4,--lite", "ecmp-diamond,-I,-6,--full",
      "ecmp-wide,-I,-4,--lite", "ecmp-wide,-U,-6,--full"})
  void textShowsEveryInterfaceAndEdgeOfTheScenario(String scenario, String method,
      String family, String variant) {
    String text = output("mda", "--scenario", scenario, "--sim", "-n", "--confidence", "99",
        method, family, variant, "dst");

    PathGraph graph = graph(scenario, family.equals("-6"));
    graph.allInterfaces().forEach(a -> assertThat(text).contains(AddressText.of(a)));
    for (PathGraph.Edge edge : graph.edges()) {
      assertThat(text).contains(AddressText.of(edge.from()) + " -> " + AddressText.of(edge.to())
          + "  [flows ");
    }
    assertThat(text.lines().findFirst().orElseThrow())
        .contains(variant.equals("--lite") ? "MDA-Lite at 99 % confidence" : "MDA at 99 %")
        .contains(method.equals("-I") ? "ICMP Paris flows" : "UDP Paris flows");
    assertThat(text.lines().reduce((a, b) -> b).orElseThrow())
        .matches("\\d+ probes, .* stopped: every branch reached the destination");
  }

  @Test
  void namesInterfacesUnlessNumeric() {
    String text = output("mda", "--scenario", "ecmp-diamond", "--sim", "dst");
    assertThat(text).contains(" 1  r1 (198.18.1.2)").contains("dst (198.18.8.2)  destination")
        .contains("r1 (198.18.1.2) -> r2a (198.18.2.2)  [flows ");
  }

  @Test
  void jsonHasTheGraph() throws Exception {
    JsonNode root = new ObjectMapper().readTree(output("mda", "--scenario", "ecmp-wide", "--sim",
        "-o", "json", "--max-probes", "500", "dst"));
    assertThat(root.get("command").asText()).isEqualTo("mda");
    assertThat(root.get("algorithm").asText()).isEqualTo("mda-lite");
    assertThat(root.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(root.get("maxProbes").asInt()).isEqualTo(500);
    assertThat(root.get("stopReason").asText()).isEqualTo("destination-reached");
    Set<String> edges = new HashSet<>();
    Set<String> interfaces = new HashSet<>();
    int probes = 0;
    for (JsonNode hop : root.get("hops")) {
      probes += hop.get("probes").asInt();
      hop.get("interfaces").forEach(i -> interfaces.add(i.get("address").asText()));
      for (JsonNode link : hop.get("links")) {
        edges.add(link.get("from").asText() + ">" + link.get("to").asText());
        assertThat(link.get("flows").size()).isPositive();
      }
    }
    assertThat(probes).isEqualTo(root.get("probesSent").asInt());
    PathGraph graph = graph("ecmp-wide", false);
    assertThat(interfaces).containsExactlyInAnyOrderElementsOf(
        graph.allInterfaces().stream().map(AddressText::of).toList());
    assertThat(edges).containsExactlyInAnyOrderElementsOf(graph.edges().stream()
        .map(e -> AddressText.of(e.from()) + ">" + AddressText.of(e.to())).toList());
    assertThat(root.get("hops").get(0).get("interfaces").get(0).get("name").asText())
        .isEqualTo("r1");
  }

  @Test
  void dotHasOneNodePerInterfaceAndLabelledEdges() {
    String dot = output("mda", "--scenario", "ecmp-diamond", "--sim", "-o", "dot", "dst");
    assertThat(dot).startsWith("digraph mda {").endsWith("}\n")
        .contains("\"198.18.1.2\" [label=\"r1\\n198.18.1.2\\nTTL 1\"];")
        .contains("\"198.18.8.2\" [label=\"dst\\n198.18.8.2\\nTTL 5\", shape=doubleoctagon];")
        .containsPattern("\"198.18.1.2\" -> \"198.18.2.2\" \\[label=\"flows [0-9,-]+\"\\];");
    assertThat(dot.lines().filter(l -> l.matches("  \"[^\"]+\" \\[label=.*"))).hasSize(8);
  }

  @Test
  void svgWithoutGraphvizIsAMessageNotAFailure() throws Exception {
    var file = java.nio.file.Files.createTempFile("mda", ".svg");
    java.nio.file.Files.delete(file);
    String text = output("mda", "--scenario", "ecmp-diamond", "--sim", "--svg", file.toString(),
        "dst");
    assertThat(text).contains("destination");
    if (java.nio.file.Files.exists(file)) {
      assertThat(java.nio.file.Files.readString(file)).contains("<svg");
      java.nio.file.Files.delete(file);
    } else {
      assertThat(command.stderr()).contains("--svg: ");
    }
  }

  @Test
  void fixedFlowsEachShowOnePathOfTheScenario() throws Exception {
    String text = output("mda", "--scenario", "ecmp-diamond", "--sim", "-n", "--flows", "8",
        "dst");
    PathGraph graph = graph("ecmp-diamond", false);
    List<String> flows = text.lines().filter(l -> l.startsWith("flow ")).toList();
    assertThat(flows).hasSize(8).allSatisfy(line -> {
      String[] hops = line.substring(line.indexOf(": ") + 2).split(" > ");
      assertThat(hops).as(line).hasSize(5);
      for (int i = 1; i < hops.length; i++) {
        assertThat(graph.edges()).as(line).contains(new PathGraph.Edge(i + 1,
            java.net.InetAddress.getByName(hops[i - 1]), java.net.InetAddress.getByName(hops[i])));
      }
    });
    assertThat(text).contains("2 distinct paths:");

    JsonNode json = new ObjectMapper().readTree(output("mda", "--scenario", "ecmp-wide", "--sim",
        "--flows", "4", "-I", "-6", "-o", "json", "dst"));
    assertThat(json.get("flows")).hasSize(4).allSatisfy(flow -> {
      assertThat(flow.get("reached").asBoolean()).isTrue();
      assertThat(flow.get("hops")).hasSize(4);
    });
    assertThat(run("mda", "--scenario", "ecmp-wide", "--sim", "--flows", "4", "-o", "dot", "dst"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(run("mda", "--scenario", "ecmp-wide", "--sim", "--flows", "4", "--full", "dst"))
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void multipathFlagOfTheTraceIsTheMdaCommand() {
    String text = output("--scenario", "ecmp-diamond", "--sim", "-n", "--multipath", "dst");
    assertThat(text).startsWith("hoptrace mda to dst (198.18.8.2), MDA-Lite at 95 % confidence")
        .contains("198.18.1.2 -> 198.18.3.2  [flows ");
    assertThat(output("--help")).contains("--multipath");
  }

  @Test
  void wrongOptionsAreUsageErrors() {
    assertThat(run("mda", "--scenario", "ecmp-diamond", "--sim", "--confidence", "100", "dst"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("not a confidence");
    assertThat(run("mda", "--scenario", "ecmp-diamond", "--sim", "-T", "dst"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(run("mda", "--scenario", "ecmp-diamond", "--sim", "--lite", "--full", "dst"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(run("mda", "--scenario", "ecmp-diamond", "--sim", "--max-probes", "0", "dst"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(command.stderr()).contains("probe budget");
    assertThat(run("mda", "--help")).isZero();
    assertThat(command.stdout()).contains("--confidence").contains("--svg");
  }
}
