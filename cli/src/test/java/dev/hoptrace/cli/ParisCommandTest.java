package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --paris} as a user sees it, through the simulator: on a per-flow balanced diamond each
 * hop shows one router, where classic traceroute shows both branches; the header and the JSON say
 * which flow ran.
 */
class ParisCommandTest {
  private final OfflineCommand command = new OfflineCommand();

  /** Runs one command line; the output is that run's alone. */
  private int run(String... args) {
    command.reset();
    return command.run(args);
  }

  private List<String> lines(String... args) {
    assertThat(run(args)).as(command.stderr()).isZero();
    return command.stdout().lines().toList();
  }

  private JsonNode json(String... args) throws Exception {
    assertThat(run(args)).as(command.stderr()).isZero();
    return new ObjectMapper().readTree(command.stdout());
  }

  @Test
  void parisShowsOneRouterPerHopWhereClassicShowsBothBranches() {
    List<String> paris = lines("--scenario", "ecmp-diamond", "--sim", "-n", "-q", "8",
        "--paris", "dst");
    assertThat(paris.getFirst()).contains(", 60 byte packets, UDP, Paris flow 0, ");
    assertThat(paris.subList(1, paris.size())).hasSize(5).allSatisfy(line ->
        assertThat(line.trim().split("\\s+")).as(line).filteredOn(w -> w.startsWith("198."))
            .hasSize(1));

    List<String> classic = lines("--scenario", "ecmp-diamond", "--sim", "-n", "-q", "8", "dst");
    assertThat(classic.getFirst()).contains(", 60 byte packets, UDP, ").doesNotContain("Paris");
    assertThat(classic.get(2).trim().split("\\s+")).filteredOn(w -> w.startsWith("198."))
        .as(classic.get(2)).hasSizeGreaterThan(1);
  }

  @Test
  void jsonSaysWhetherAndWhichFlowRan() throws Exception {
    JsonNode classic = json("--scenario", "ecmp-diamond", "--sim", "-o", "json", "dst");
    assertThat(classic.get("paris").asBoolean()).isFalse();
    assertThat(classic.get("flow").isNull()).isTrue();
    assertThat(classic.get("port").asInt()).isEqualTo(33434);

    JsonNode udp = json("--scenario", "ecmp-diamond", "--sim", "-o", "json", "--flow", "3", "dst");
    assertThat(udp.get("paris").asBoolean()).isTrue();
    assertThat(udp.get("flow").asInt()).isEqualTo(3);
    assertThat(udp.get("port").asInt()).as("the flow's one port").isEqualTo(33437);

    JsonNode icmp = json("--scenario", "ecmp-diamond", "--sim", "-o", "json", "--paris", "-I",
        "-6", "dst");
    assertThat(icmp.get("flow").asInt()).isZero();
    assertThat(icmp.get("port").isNull()).isTrue();
    assertThat(icmp.get("reached").asBoolean()).isTrue();
  }

  @Test
  void reportKeepsTheFlowToo() throws Exception {
    JsonNode root = json("report", "--scenario", "ecmp-wide", "--sim", "-i", "0.2", "-c", "10",
        "-o", "json", "--paris", "-T", "dst");
    JsonNode report = root.get("reports").get(0);
    assertThat(report.get("paris").asBoolean()).isTrue();
    assertThat(report.get("port").asInt()).isEqualTo(80);
    assertThat(report.get("hops").get(1).get("responders")).hasSize(1);

    List<String> text = lines("report", "--scenario", "ecmp-wide", "--sim", "-i", "0.2", "-c",
        "3", "--paris", "-I", "dst");
    assertThat(text).anyMatch(l -> l.startsWith("Target: ") && l.contains("ICMP, Paris flow 0"));
  }
}
