package dev.hoptrace.cli.report;

import static dev.hoptrace.cli.report.ReportFixtures.COMMA_NAME;
import static dev.hoptrace.cli.report.ReportFixtures.HOSTILE_NAME_PRINTED;
import static dev.hoptrace.cli.report.ReportFixtures.names;
import static dev.hoptrace.cli.report.ReportFixtures.reached;
import static dev.hoptrace.cli.report.ReportFixtures.render;
import static dev.hoptrace.cli.report.ReportFixtures.report;
import static dev.hoptrace.cli.report.ReportFixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  private static final List<String> HEADER = List.of("Start_Time", "Target", "Target_Ip", "Hop",
      "Ip", "Name", "Replies", "Snt", "Rcv", "Loss%", "Last", "Avg", "Best", "Wrst", "StDev",
      "Jttr", "Javg", "Jmax", "Jint", "Floss", "Bloss", "Annotation", "Destination", "Mpls",
      "Interfaces", "Nat", "Tos", "Quoted_Ttl", "Return_Hops");

  private static List<Map<String, String>> rows(Report report) {
    List<List<String>> records = CsvRecords.parse(render(new CsvReport(names()), report));
    assertThat(records.getFirst()).containsExactlyElementsOf(HEADER);
    return records.subList(1, records.size()).stream()
        .peek(r -> assertThat(r).hasSameSizeAs(HEADER))
        .map(r -> IntStream.range(0, HEADER.size()).boxed()
            .collect(Collectors.toMap(HEADER::get, r::get)))
        .toList();
  }

  @Test
  void oneRowPerResponderAndOneForASilentHop() {
    List<Map<String, String>> rows = rows(report(reached(), unreachable()));
    assertThat(rows).extracting(r -> r.get("Target") + "/" + r.get("Hop") + "/" + r.get("Ip"))
        .containsExactly("dst.lab/1/10.0.0.1", "dst.lab/2/", "dst.lab/3/10.0.0.3",
            "dst.lab/3/10.0.0.33", "dst.lab/4/198.18.7.2", "gw.lab/1/2001:db8::1",
            "gw.lab/2/2001:db8::2");
    assertThat(rows).allSatisfy(r -> assertThat(r.get("Start_Time"))
        .isEqualTo("2026-03-01T09:00:00Z"));
    assertThat(rows.get(5).get("Target_Ip")).isEqualTo("2001:db8::99");
  }

  @Test
  void theHopsFirstRowCarriesItsFigures() {
    Map<String, String> hop1 = rows(report(reached())).getFirst();
    assertThat(hop1).containsEntry("Name", "r1.lab").containsEntry("Replies", "10")
        .containsEntry("Snt", "10").containsEntry("Rcv", "10").containsEntry("Loss%", "0.0")
        .containsEntry("Last", "1.234").containsEntry("Avg", "1.512")
        .containsEntry("Best", "1.012").containsEntry("Wrst", "2.251")
        .containsEntry("StDev", "0.318").containsEntry("Jttr", "0.204")
        .containsEntry("Javg", "0.331").containsEntry("Jmax", "0.912")
        .containsEntry("Jint", "0.257").containsEntry("Floss", "0").containsEntry("Bloss", "0")
        .containsEntry("Annotation", "").containsEntry("Destination", "false")
        .containsEntry("Mpls", "");
  }

  @Test
  void furtherRespondersHaveTheirRepliesAndEmptyFigures() {
    List<Map<String, String>> rows = rows(report(reached()));
    Map<String, String> first = rows.get(2);
    Map<String, String> second = rows.get(3);
    assertThat(first).containsEntry("Name", COMMA_NAME).containsEntry("Replies", "6")
        .containsEntry("Snt", "10").containsEntry("Rcv", "8").containsEntry("Loss%", "20.0")
        .containsEntry("Floss", "2").containsEntry("Bloss", "1")
        .containsEntry("Mpls", "[MPLS: Lbl 24001 TC 0 S 0 TTL 254] [MPLS: Lbl 16 TC 5 S 1 TTL 1]");
    assertThat(second).containsEntry("Ip", "10.0.0.33").containsEntry("Replies", "2")
        .containsEntry("Name", HOSTILE_NAME_PRINTED);
    for (String figure : HEADER.subList(HEADER.indexOf("Snt"), HEADER.size() - 1)) {
      assertThat(second.get(figure)).as(figure).isEmpty();
    }
    assertThat(rows.get(4)).containsEntry("Destination", "true");
  }

  @Test
  void undefinedFiguresAreEmptyFields() {
    List<Map<String, String>> rows = rows(report(reached(), unreachable()));
    Map<String, String> silent = rows.get(1);
    assertThat(silent).containsEntry("Ip", "").containsEntry("Name", "")
        .containsEntry("Replies", "").containsEntry("Snt", "10").containsEntry("Rcv", "0")
        .containsEntry("Loss%", "100.0").containsEntry("Avg", "").containsEntry("StDev", "");
    Map<String, String> once = rows.get(6);
    assertThat(once).containsEntry("Avg", "5.000").containsEntry("StDev", "")
        .containsEntry("Jttr", "").containsEntry("Annotation", "!H");
  }

  @Test
  void namesWithCommasAndQuotesAreQuotedAndControlsNeverWritten() {
    String csv = render(new CsvReport(names()), report(reached()));
    assertThat(csv).contains(",\"core,\"\"a\"\".lab\",");
    assertThat(csv.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f))).isEmpty();
    assertThat(csv).doesNotContain("NaN");
  }

  @Test
  void aReportWithoutHopsIsTheHeaderAlone() {
    assertThat(CsvRecords.parse(render(new CsvReport(names()), report(ReportFixtures.empty()))))
        .containsExactly(HEADER);
  }

  @Test
  void asnCountryAndCityColumnsFollowMplsWhenAskedFor() {
    List<List<String>> records = CsvRecords.parse(render(new CsvReport(ReportFixtures.facts()),
        report(reached())));
    List<String> header = new ArrayList<>(HEADER);
    header.addAll(List.of("Asn", "Country", "City"));
    assertThat(records.getFirst()).containsExactlyElementsOf(header);
    assertThat(records.subList(1, records.size()))
        .allSatisfy(r -> assertThat(r).hasSameSizeAs(header))
        .extracting(r -> String.join("/", r.subList(HEADER.size(), header.size())))
        .containsExactly("64500/DE/Berlin", "//", "64501//", "4200000000/Atlantis/", "//");
  }

  @Test
  void withoutDashAThereIsNoAsnColumn() {
    assertThat(CsvRecords.parse(render(new CsvReport(names()), report(reached()))).getFirst())
        .doesNotContain("Asn", "Country", "City");
  }
}
