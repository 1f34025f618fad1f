package dev.hoptrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoptrace report -A} as a user runs it, through the built-in {@code linear} scenario in the
 * simulator (router k answers from 198.18.k.2, the destination is 198.18.7.2) with database files
 * the test writes: no root, no network, no online service. The files know hops 1 to 5 only, so
 * hops 6 and 7 show what an unknown AS looks like.
 */
class ReportAsnTest {
  @TempDir static Path dir;
  private static Path asnMmdb;
  private static Path asnTsv;
  private static Path cityMmdb;

  private final OfflineCommand command = new OfflineCommand();

  @BeforeAll
  static void databases() throws Exception {
    LinearScenarioDatabases files = LinearScenarioDatabases.write(dir, "198.18.4.0/23");
    asnMmdb = files.asnMmdb();
    asnTsv = files.asnTsv();
    cityMmdb = files.cityMmdb();
  }

  private int run(String... args) {
    return command.run(args);
  }

  private List<String> report(String... options) {
    List<String> args = new java.util.ArrayList<>(
        List.of("report", "--scenario", "linear", "--sim", "-c", "3"));
    args.addAll(List.of(options));
    args.add("dst");
    assertThat(run(args.toArray(String[]::new))).as(stderr()).isZero();
    return command.stdout().lines().toList();
  }

  private String stderr() {
    return command.stderr();
  }

  private static String row(List<String> lines, int ttl) {
    String start = String.format("%2d. ", ttl);
    return lines.stream().filter(l -> l.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no hop " + ttl + " in\n"
            + String.join("\n", lines)));
  }

  @Test
  void textShowsTheAsColumnAsMtrDashZAndPlacesAfterTheHost() {
    List<String> lines = report("--asn-db", asnMmdb.toString(), "--geo-db", cityMmdb.toString());

    assertThat(row(lines, 1)).startsWith(" 1. AS64500  r1 (198.18.1.2) {Berlin, DE}  ");
    assertThat(row(lines, 4)).startsWith(" 4. AS64501  r4 (198.18.4.2)  ");
    assertThat(row(lines, 6)).startsWith(" 6. AS???    r6 (198.18.6.2)  ");
    assertThat(row(lines, 7)).startsWith(" 7. AS???    dst (198.18.7.2)  ").contains("0.0%");
    // The figures stay in line under their titles.
    String header = lines.stream().filter(l -> l.startsWith("HOST: ")).findFirst().orElseThrow();
    for (int ttl = 1; ttl <= 7; ttl++) {
      assertThat(row(lines, ttl).indexOf("0.0%") + 4).isEqualTo(header.indexOf("Loss%") + 5);
    }
  }

  @Test
  void withoutAFileAScenarioAsksNobodyAndEveryAsIsUnknown() {
    // -z is mtr's letter for -A.
    List<String> lines = report("-z", "-n");
    for (int ttl = 1; ttl <= 7; ttl++) {
      assertThat(row(lines, ttl)).startsWith(String.format("%2d. AS???  198.18.%d.2 ", ttl, ttl));
    }
  }

  @Test
  void withoutDashAThereIsNoAsColumn() {
    List<String> lines = report("-n");
    assertThat(lines).anyMatch(l -> l.startsWith(" 1.|-- 198.18.1.2  "));
    assertThat(String.join("\n", lines)).doesNotContain("AS", "{");
  }

  @Test
  void anIpToAsnTableServesIpv6() {
    List<String> lines = report("-6", "-n", "--asn-db", asnTsv.toString());
    assertThat(row(lines, 1)).startsWith(" 1. AS64510  2001:db8:0:1::2 ");
    assertThat(row(lines, 7)).startsWith(" 7. AS64511  2001:db8:0:7::2 ");
  }

  @Test
  void jsonRespondersCarryTheTraceJsonsAsAndPlaceMembers() throws Exception {
    List<String> lines = report("-o", "json", "--asn-db", asnMmdb.toString(), "--geo-db",
        cityMmdb.toString());
    JsonNode hops = new ObjectMapper().readTree(String.join("\n", lines))
        .get("reports").get(0).get("hops");

    JsonNode first = hops.get(0).get("responders").get(0);
    assertThat(first.get("address").asText()).isEqualTo("198.18.1.2");
    assertThat(first.get("asn").asLong()).isEqualTo(64500);
    assertThat(first.get("asName").asText()).isEqualTo("ACCESS-NET Example Access");
    assertThat(first.get("prefix").asText()).isEqualTo("198.18.0.0/22");
    assertThat(first.get("country").asText()).isEqualTo("DE");
    assertThat(first.get("city").asText()).isEqualTo("Berlin");
    JsonNode core = hops.get(3).get("responders").get(0);
    assertThat(core.get("asName").asText()).isEqualTo("CORE-NET?]0;owned? Example Core");
    assertThat(core.get("prefix").asText()).isEqualTo("198.18.4.0/23");
    assertThat(core.has("country")).as("outside the city file").isFalse();
    JsonNode last = hops.get(6).get("responders").get(0);
    assertThat(last.get("address").asText()).isEqualTo("198.18.7.2");
    for (String member : List.of("asn", "asName", "prefix", "country", "city")) {
      assertThat(last.has(member)).as(member).isFalse();
    }
    assertThat(last.get("replies").asLong()).isEqualTo(3);
  }

  @Test
  void csvAddsAsnCountryAndCityColumnsAtTheEnd() {
    List<String> lines = report("-o", "csv", "--asn-db", asnMmdb.toString(), "--geo-db",
        cityMmdb.toString());

    assertThat(lines.getFirst()).endsWith(",Annotation,Destination,Mpls,Interfaces,Nat,Tos,"
        + "Quoted_Ttl,Return_Hops,Asn,Country,City");
    assertThat(lines.get(1)).contains(",1,198.18.1.2,r1,").endsWith(",64500,DE,Berlin");
    assertThat(lines.get(4)).contains(",4,198.18.4.2,r4,").endsWith(",64501,,");
    assertThat(lines.get(7)).contains(",7,198.18.7.2,dst,").endsWith(",true,,,,,,,,,");

    command.reset();
    List<String> asOnly = report("-o", "csv", "--asn-db", asnMmdb.toString());
    assertThat(asOnly.getFirst()).endsWith(",Return_Hops,Asn");
    assertThat(asOnly.get(1)).endsWith(",64500");
  }

  @Test
  void aWrongFileIsAUsageErrorBeforeAnyProbe() {
    assertThat(run("report", "--scenario", "linear", "--sim", "--asn-db",
        dir.resolve("missing.mmdb").toString(), "dst")).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("hoptrace: --asn-db: ").hasLineCount(1)
        .doesNotContain("scenario linear");
    assertThat(command.stdout()).isEmpty();
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("report", "--help")).isZero();
    assertThat(command.stdout()).contains("-A, -z, --asn", "--asn-db=FILE",
        "--geo-db=FILE");
  }
}
