package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoptrace demo} and {@code hoptrace --scenario}, through the simulator ({@code --sim}), as a
 * user would run them: no root, no network.
 */
class ScenarioCommandTest {
  private final OfflineCommand command = new OfflineCommand();

  private int run(String... args) {
    return command.run(args);
  }

  private String stdout() {
    return command.stdout();
  }

  private String stderr() {
    return command.stderr();
  }

  @Test
  void listShowsEveryBuiltInScenarioWithItsDescription() {
    assertThat(run("demo", "--list")).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
    assertThat(lines.getFirst()).startsWith("home-isp-cdn ").contains("CDN edge");
    assertThat(lines).anyMatch(l -> l.startsWith("transatlantic ") && l.contains("70 ms"));
  }

  @Test
  void demoTracesTheRealisticMixAndSaysItIsSimulated() {
    assertThat(run("demo", "--sim")).as(stderr()).isZero();
    assertThat(stderr()).contains("scenario home-isp-cdn, in the simulator");
    List<String> lines = stdout().lines().toList();
    assertThat(lines.getFirst()).startsWith("hoptrace to cdn (198.18.10.2), 30 hops max");
    assertThat(lines.get(1)).startsWith(" 1  home (198.18.1.2)  ");
    // The MPLS core balances per flow: ICMP probes of one trace differ in checksum (sequence),
    // so hop 4 shows both core routers.
    assertThat(lines.get(4)).startsWith(" 4  p1").contains("p1a (198.18.4.2)", "p1b (198.18.5.2)");
    assertThat(lines.getLast()).startsWith(" 8  cdn (198.18.10.2)  ");
  }

  @Test
  void transatlanticHopShowsTheOceanInItsRtt() throws Exception {
    assertThat(run("--scenario", "transatlantic", "--sim", "-n", "-o", "json", "-I", "dst")).isZero();
    JsonNode hops = new ObjectMapper().readTree(stdout()).get("hops");
    double before = hops.get(3).get("probes").get(0).get("rttMs").asDouble();
    double after = hops.get(4).get("probes").get(0).get("rttMs").asDouble();
    assertThat(after - before).as("35 ms each way across lon1 -- nyc1").isBetween(68.0, 72.0);
  }

  @Test
  void scenarioFileOfTheUsersOwn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, """
        name: mine
        description: Two routers, the second silent.
        nodes:
          - {name: client, role: client}
          - {name: gw}
          - {name: quiet, icmp: silent}
          - {name: srv, role: destination}
        links:
          - client -- gw
          - gw -- quiet
          - quiet -- srv
        """);
    assertThat(run("--scenario", file.toString(), "--sim", "srv")).as(stderr()).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines.get(1)).startsWith(" 1  gw (198.18.1.2)  ");
    assertThat(lines.get(2)).isEqualTo(" 2  * * *");
    assertThat(lines.get(3)).startsWith(" 3  srv (198.18.3.2)  ");
  }

  @Test
  void mistakesInTheScenarioOrTheHostAreUsageErrors(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nnodes: []\nlinks: []\n");
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"--scenario", bad.toString(), "x"});
    cases.add(new String[] {"--scenario", "linear", "r9"});
    cases.add(new String[] {"--scenario", "no-such-scenario", "dst"});
    cases.add(new String[] {"demo", "no-such-scenario"});
    for (String[] args : cases) {
      command.reset();
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(stderr()).startsWith("hoptrace: ").hasLineCount(1);
    }
  }

  @Test
  void extensionsShowTheScenarioLabelStacksAsTracerouteDashEDoes() {
    // mpls.yaml: p1 pushes 16005 (TTL 1); p2 answers with 24001 (TC 5, TTL 1) over 16005 (TTL 2).
    assertThat(run("--scenario", "mpls", "--sim", "-e", "-I", "dst")).as(stderr()).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines.get(2)).startsWith(" 2  p1 (198.18.2.2) <MPLS:L=16005,E=0,S=1,T=1>  ");
    assertThat(lines.get(3))
        .startsWith(" 3  p2 (198.18.3.2) <MPLS:L=24001,E=5,S=0,T=1/L=16005,E=0,S=1,T=2>  ");
    assertThat(lines.get(4)).doesNotContain("MPLS");

    command.reset();
    assertThat(run("--scenario", "mpls", "--sim", "-I", "dst")).isZero();
    assertThat(stdout()).doesNotContain("MPLS");
  }
}
