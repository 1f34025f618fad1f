package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hoptrace report} through the simulator ({@code --sim}), as a user runs it: the scenarios
 * built to show one thing each must come out diagnosed as that thing.
 */
class ReportCommandTest {
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

  private JsonNode report(String... args) throws Exception {
    assertThat(run(args)).as(stderr()).isZero();
    JsonNode root = new ObjectMapper().readTree(stdout());
    assertThat(root.get("reports")).hasSize(1);
    return root.get("reports").get(0);
  }

  private static List<String> kinds(JsonNode report, int ttl) {
    return report.get("findings").valueStream()
        .filter(f -> f.get("ttl").isInt() && f.get("ttl").asInt() == ttl)
        .map(f -> f.get("kind").asText()).toList();
  }

  @Test
  void aRateLimitingRouterIsReportedAsSuchWithItsDirectCheck() throws Exception {
    JsonNode report = report("report", "--scenario", "rate-limited", "--sim", "-i", "0.2",
        "-c", "50", "-o", "json", "dst");

    JsonNode hop3 = report.get("hops").get(2);
    assertThat(hop3.get("sent").asInt()).isEqualTo(50);
    assertThat(hop3.get("lossPercent").asDouble()).isBetween(40.0, 75.0);
    assertThat(report.get("hops").get(4).get("lossPercent").asDouble()).isZero();
    assertThat(kinds(report, 3)).contains("rate-limited");
    assertThat(report.get("findings").toString()).contains("echo requests");
  }

  @Test
  void lossOnALinkIsReportedWhereItStarts() throws Exception {
    JsonNode report = report("report", "--scenario", "lossy", "--sim", "-c", "100", "-o", "json",
        "dst");

    assertThat(kinds(report, 3)).contains("forward-loss");
    assertThat(report.get("hops").get(1).get("lossPercent").asDouble()).isZero();
  }

  @Test
  void aSilentHopAndAFirewalledDestinationAreNamedInTheTextReport() {
    assertThat(run("report", "--scenario", "silent-hop", "--sim", "-u", "dst")).as(stderr()).isZero();
    assertThat(stdout()).contains("???").contains("hop 3 never answers");

    command.reset();
    assertThat(run("report", "--scenario", "firewalled-destination", "--sim", "dst")).isZero();
    assertThat(stdout()).contains("Diagnosis:").contains("-T -p 443");
  }

  @Test
  void severalHostsGetABlockEachAndCsvRowsCarryTheirTarget() {
    assertThat(run("report", "--scenario", "linear", "--sim", "-c", "3", "-o", "csv", "dst", "r2"))
        .as(stderr()).isZero();
    List<String> rows = stdout().lines().toList();
    assertThat(rows.getFirst()).startsWith("Start_Time,Target,");
    assertThat(rows).anyMatch(r -> r.contains(",dst,")).anyMatch(r -> r.contains(",r2,"));
  }

  @Test
  void aReportOfZeroRoundsIsAUsageError() {
    assertThat(run("report", "-c", "0", "--scenario", "linear", "--sim", "dst")).isEqualTo(2);
    assertThat(stderr()).contains("-c N").contains("hoptrace report --help");
  }

  @Test
  void anUnknownOutputFormatIsAUsageError() {
    assertThat(run("report", "-o", "xml", "--scenario", "linear", "--sim", "dst")).isEqualTo(2);
    assertThat(stderr()).contains("xml").doesNotContain("Exception");
  }

  @Test
  void theLiveViewWithoutATerminalPointsToTheReportInstead() {
    // Tests run with pipes for stdin and stdout: no terminal to draw on, as in a script.
    assertThat(run("-l", "--scenario", "linear", "--sim", "dst")).isEqualTo(2);
    assertThat(stderr()).contains("the live view needs a terminal").contains("hoptrace report")
        .contains("hoptrace live --help");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void helpListsTheWatchCommandsAndTheirMtrLetters() {
    assertThat(run("--help")).isZero();
    assertThat(stdout()).contains("live").contains("report").contains("-l, --live");
    command.reset();
    assertThat(run("report", "--help")).isZero();
    assertThat(stdout()).contains("HOST...").contains("-c, --count, --max-rounds")
        .contains("-i, --interval").contains("-G, --grace").contains("-o, --output");
  }
}
