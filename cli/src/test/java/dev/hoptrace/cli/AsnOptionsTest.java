package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -A}, {@code --asn-db} and {@code --geo-db} as a user runs them, through the built-in
 * {@code linear} scenario in the simulator (router k answers from 198.18.k.2 and 2001:db8:0:k::2),
 * with database files the test writes: no root, no network, no online service.
 */
class AsnOptionsTest {
  @TempDir static Path dir;
  private static Path asnMmdb;
  private static Path asnTsv;
  private static Path cityMmdb;

  private final OfflineCommand command = new OfflineCommand();

  @BeforeAll
  static void databases() throws Exception {
    LinearScenarioDatabases files = LinearScenarioDatabases.write(dir, "198.18.4.0/22");
    asnMmdb = files.asnMmdb();
    asnTsv = files.asnTsv();
    cityMmdb = files.cityMmdb();
  }

  private int run(String... args) {
    return command.run(args);
  }

  private List<String> lines() {
    return command.stdout().lines().toList();
  }

  private String stderr() {
    return command.stderr();
  }

  @Test
  void textShowsTheAsAfterTheAddressAsTracerouteDashADoes() {
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "--asn-db", asnMmdb.toString(),
        "dst")).as(stderr()).isZero();

    List<String> lines = lines();
    assertThat(lines.get(1)).startsWith(" 1  r1 (198.18.1.2) [AS64500]  ");
    assertThat(lines.get(3)).startsWith(" 3  r3 (198.18.3.2) [AS64500]  ");
    assertThat(lines.get(4)).startsWith(" 4  r4 (198.18.4.2) [AS64501]  ");
    assertThat(lines.get(7)).startsWith(" 7  dst (198.18.7.2) [AS64501]  ");
  }

  @Test
  void numericOutputKeepsTheAsAndAddsThePlace() {
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "-n", "-A", "--asn-db",
        asnMmdb.toString(), "--geo-db", cityMmdb.toString(), "dst")).as(stderr()).isZero();

    assertThat(lines().get(1)).startsWith(" 1  198.18.1.2 [AS64500] {Berlin, DE}  ");
  }

  @Test
  void anIpToAsnTableServesIpv6() {
    assertThat(run("--scenario", "linear", "--sim", "-6", "-q", "1", "-n", "--asn-db",
        asnTsv.toString(), "dst")).as(stderr()).isZero();

    List<String> lines = lines();
    assertThat(lines.get(1)).startsWith(" 1  2001:db8:0:1::2 [AS64510]  ");
    assertThat(lines.get(5)).startsWith(" 5  2001:db8:0:5::2 [AS64511]  ");
  }

  @Test
  void jsonCarriesAsNumberNamePrefixAndPlaceOnlyWhereKnown() throws Exception {
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "-o", "json", "--asn-db",
        asnMmdb.toString(), "--geo-db", cityMmdb.toString(), "dst")).as(stderr()).isZero();

    JsonNode hops = new ObjectMapper().readTree(String.join("\n", lines())).get("hops");
    JsonNode first = hops.get(0).get("probes").get(0);
    assertThat(first.get("asn").asLong()).isEqualTo(64500);
    assertThat(first.get("asName").asText()).isEqualTo("ACCESS-NET Example Access");
    assertThat(first.get("prefix").asText()).isEqualTo("198.18.0.0/22");
    assertThat(first.get("country").asText()).isEqualTo("DE");
    assertThat(first.get("city").asText()).isEqualTo("Berlin");
    JsonNode core = hops.get(4).get("probes").get(0);
    assertThat(core.get("asName").asText()).isEqualTo("CORE-NET?]0;owned? Example Core");
    JsonNode last = hops.get(6).get("probes").get(0);
    assertThat(last.get("responder").asText()).isEqualTo("198.18.7.2");
    assertThat(last.has("asn")).isTrue();
    assertThat(last.has("country")).as("198.18.7.2 is outside the city file").isFalse();
    assertThat(last.has("city")).isFalse();
  }

  @Test
  void withoutAFileAScenarioAsksNoServerAndKnowsNoAs() throws Exception {
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "-n", "-A", "dst"))
        .as(stderr()).isZero();
    assertThat(lines().subList(1, 8)).allMatch(l -> l.contains(" [*]  "));

    command.reset();
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "-A", "-o", "json", "dst")).isZero();
    JsonNode probe = new ObjectMapper().readTree(String.join("\n", lines()))
        .get("hops").get(0).get("probes").get(0);
    assertThat(probe.has("asn")).isFalse();
    assertThat(probe.has("asName")).isFalse();
  }

  @Test
  void withoutDashAThereIsNoAsColumn() {
    assertThat(run("--scenario", "linear", "--sim", "-q", "1", "-n", "dst")).isZero();
    assertThat(lines().get(1)).doesNotContain("[").doesNotContain("{");
  }

  @Test
  void badFilesAndConflictingSourcesAreUsageErrorsBeforeAnyProbe() throws Exception {
    Path notAnMmdb = Files.writeString(dir.resolve("plain.txt"), "hello\n");
    List<List<String>> cases = List.of(
        List.of("--asn-db", dir.resolve("missing.mmdb").toString()),
        List.of("--asn-db", notAnMmdb.toString()),
        List.of("--asn-db", asnMmdb.toString(), "--asn-server", "127.0.0.1"),
        List.of("--asn-server", "127.0.0.1:99999"),
        List.of("--geo-db", asnTsv.toString()));
    for (List<String> options : cases) {
      command.reset();
      String[] args = new java.util.ArrayList<String>(List.of("--scenario", "linear", "--sim")) {
        {
          addAll(options);
          add("dst");
        }
      }.toArray(String[]::new);
      assertThat(run(args)).as(String.join(" ", options)).isEqualTo(ExitCode.USAGE);
      assertThat(stderr()).startsWith("hoptrace: --").hasLineCount(1);
    }
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("--help")).isZero();
    String help = String.join("\n", lines());
    assertThat(help).contains("-A, --asn", "--asn-db=FILE", "--asn-server=HOST[:PORT]",
        "--geo-db=FILE");
  }
}
