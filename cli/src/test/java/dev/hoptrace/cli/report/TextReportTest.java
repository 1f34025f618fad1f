package dev.hoptrace.cli.report;

import static dev.hoptrace.cli.report.ReportFixtures.HOSTILE_NAME_PRINTED;
import static dev.hoptrace.cli.report.ReportFixtures.ip;
import static dev.hoptrace.cli.report.ReportFixtures.names;
import static dev.hoptrace.cli.report.ReportFixtures.reached;
import static dev.hoptrace.cli.report.ReportFixtures.render;
import static dev.hoptrace.cli.report.ReportFixtures.report;
import static dev.hoptrace.cli.report.ReportFixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopLookup;
import dev.hoptrace.lookup.geo.Place;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextReportTest {
  private static final Pattern TOKEN = Pattern.compile("\\S+");

  private static List<String> lines(boolean wide, Report report) {
    String text = render(new TextReport(names(), wide, ZoneOffset.ofHours(1)), report);
    return Arrays.asList(text.split("\n", -1));
  }

  private static String rowOf(List<String> lines, int ttl) {
    String prefix = String.format("%2d.|-- ", ttl);
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  /** Where each title of the header ends; values are right-aligned to these positions. */
  private static List<Integer> titleEnds(String header) {
    Matcher m = TOKEN.matcher(header);
    List<Integer> ends = new ArrayList<>();
    for (int token = 0; m.find(); token++) {
      if (token >= 2) { // "HOST:" and the host name
        ends.add(m.end());
      }
    }
    return ends;
  }

  /** The cells of a hop row, cut at the header's title ends. */
  private static List<String> cells(String row, String header) {
    List<Integer> ends = titleEnds(header);
    String padded = row + " ".repeat(Math.max(0, header.length() - row.length()));
    assertThat(row.length()).as("row no wider than the header: %s", row)
        .isLessThanOrEqualTo(header.length());
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      int end = ends.get(i);
      if (i == 0) {
        String before = padded.substring(0, end);
        cells.add(before.endsWith(" ") ? "" : before.substring(before.lastIndexOf(' ') + 1));
      } else {
        String cell = padded.substring(ends.get(i - 1), end);
        assertThat(cell.startsWith(" ") && (cell.isBlank() || !cell.endsWith(" ")))
            .as("separated and right-aligned: '%s'", cell)
            .isTrue();
        cells.add(cell.strip());
      }
    }
    return cells;
  }

  @Test
  void startLineIsTheLocalIsoTime() {
    assertThat(lines(false, report(reached())).getFirst())
        .isEqualTo("Start: 2026-03-01T10:00:00+01:00");
  }

  @Test
  void figuresLineUpUnderTheirTitlesAndSilentHopsAreQuestionMarks() {
    List<String> lines = lines(false, report(reached()));
    String header = lines.get(2);
    assertThat(header).startsWith("HOST: tester ");
    assertThat(titleEnds(header)).hasSize(7);
    assertThat(header.split("\\s+")).containsSubsequence(
        "Loss%", "Snt", "Last", "Avg", "Best", "Wrst", "StDev");

    assertThat(rowOf(lines, 1)).contains("r1.lab (10.0.0.1)");
    assertThat(cells(rowOf(lines, 1), header))
        .containsExactly("0.0%", "10", "1.2", "1.5", "1.0", "2.3", "0.3");
    assertThat(rowOf(lines, 2)).startsWith(" 2.|-- ???");
    assertThat(cells(rowOf(lines, 2), header))
        .containsExactly("100.0%", "10", "", "", "", "", "");
    assertThat(cells(rowOf(lines, 3), header))
        .containsExactly("20.0%", "10", "12.3", "11.9", "10.5", "14.3", "1.2");
    assertThat(rowOf(lines, 4)).contains("dst.lab (198.18.7.2)");
    assertThat(cells(rowOf(lines, 4), header))
        .containsExactly("0.0%", "10", "20.1", "20.5", "20.0", "22.0", "0.6");
  }

  @Test
  void wideAddsJitterAndForwardBackwardLossColumns() {
    List<String> lines = lines(true, report(reached()));
    String header = lines.get(2);
    assertThat(header.split("\\s+")).containsSubsequence(
        "StDev", "Jttr", "Javg", "Jmax", "Jint", "Floss", "Bloss");
    assertThat(cells(rowOf(lines, 3), header)).containsExactly(
        "20.0%", "10", "12.3", "11.9", "10.5", "14.3", "1.2", "0.5", "0.8", "2.0", "0.6", "2",
        "1");
    assertThat(cells(rowOf(lines, 2), header)).containsExactly(
        "100.0%", "10", "", "", "", "", "", "", "", "", "", "0", "0");
  }

  @Test
  void mplsLabelsAndFurtherRespondersFollowTheirHop() {
    List<String> lines = lines(false, report(reached()));
    int row = lines.indexOf(rowOf(lines, 3));
    assertThat(lines.get(row)).contains("core,\"a\".lab (10.0.0.3)");
    assertThat(lines.subList(row + 1, row + 4)).containsExactly(
        "       [MPLS: Lbl 24001 TC 0 S 0 TTL 254]",
        "       [MPLS: Lbl 16 TC 5 S 1 TTL 1]",
        "   `-- " + HOSTILE_NAME_PRINTED + " (10.0.0.33)  2 of 8 replies");
    assertThat(lines.get(row + 4)).startsWith(" 4.|-- ");
  }

  @Test
  void diagnosisAndDropsCloseTheBlock() {
    List<String> lines = lines(false, report(reached()));
    int diagnosis = lines.indexOf("Diagnosis:");
    assertThat(lines.get(diagnosis - 1)).isEmpty();
    assertThat(lines.subList(diagnosis + 1, diagnosis + 5)).containsExactly(
        "  hop 2 never answers; later hops do",
        "  hop 3 limits its ICMP replies",
        "  the destination answers every probe",
        "Dropped replies: 1 unmatched, 0 late, 2 duplicate, 0 malformed");
  }

  @Test
  void annotationsShowAndUndefinedFiguresAreBlankNeverNaN() {
    List<String> lines = lines(true, report(unreachable()));
    assertThat(lines.get(1)).isEqualTo("Target: gw.lab (2001:db8::99), ICMP, unprivileged mode: "
        + "ICMP datagram socket; cannot see the quoted IP header, 5 rounds");
    String header = lines.get(2);
    assertThat(rowOf(lines, 2)).startsWith(" 2.|-- 2001:db8::2 !H ");
    assertThat(cells(rowOf(lines, 2), header)).containsExactly(
        "80.0%", "5", "5.0", "5.0", "5.0", "5.0", "", "", "", "", "", "4", "0");
    assertThat(String.join("\n", lines)).doesNotContain("NaN").doesNotContain("Dropped");
  }

  @Test
  void oneBlockPerTargetUnderOneStartLine() {
    List<String> lines = lines(false, report(reached(), unreachable(), ReportFixtures.empty()));
    assertThat(lines.stream().filter(l -> l.startsWith("Start: "))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.startsWith("HOST: "))).hasSize(3);
    assertThat(lines.stream().filter(l -> l.startsWith("Target: ")))
        .containsExactly(
            "Target: dst.lab (198.18.7.2), UDP port 33434, raw mode: "
                + "raw IPv4 socket, ICMP via raw socket, 10 rounds",
            "Target: gw.lab (2001:db8::99), ICMP, unprivileged mode: "
                + "ICMP datagram socket; cannot see the quoted IP header, 5 rounds",
            "Target: 198.18.9.9, UDP port 33434, raw mode: raw, 0 rounds");
    assertThat(lines).contains("Problem: sendto: network is unreachable");
    int second = lines.indexOf(lines.stream().filter(l -> l.startsWith("Target: gw.lab"))
        .findFirst().orElseThrow());
    assertThat(lines.get(second - 1)).isEmpty();
  }

  @Test
  void noControlCharacterReachesTheTerminal() {
    String text = render(new TextReport(names(), true, ZoneOffset.UTC),
        report(reached(), unreachable()));
    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f))).isEmpty();
    assertThat(text).contains(HOSTILE_NAME_PRINTED);
  }

  @Test
  void numericOutputShowsAddressesOnly() {
    String text = render(new TextReport(Optional.empty(), false, ZoneOffset.UTC),
        report(reached()));
    assertThat(text).contains(" 1.|-- 10.0.0.1 ", "   `-- 10.0.0.33  2 of 8 replies")
        .doesNotContain("r1.lab", "evil");
  }

  @Test
  void withAsNumbersEachRowStartsWithItsAsAsMtrDashZShowsIt() {
    String text = render(new TextReport(ReportFixtures.facts(), false, ZoneOffset.UTC),
        report(reached(), unreachable()));
    List<String> lines = Arrays.asList(text.split("\n", -1));
    String header = lines.get(2);
    String row3 = lines.stream().filter(l -> l.startsWith(" 3. ")).findFirst().orElseThrow();
    int at = lines.indexOf(row3);

    // The column is as wide as its widest label (a 32-bit AS here), AS??? where none is known.
    assertThat(lines.get(3)).startsWith(" 1. AS64500       r1.lab (10.0.0.1) {Berlin, DE} ");
    assertThat(cells(lines.get(3), header))
        .containsExactly("0.0%", "10", "1.2", "1.5", "1.0", "2.3", "0.3");
    assertThat(lines.get(4)).startsWith(" 2. AS???         ??? ");
    assertThat(row3).startsWith(" 3. AS64501       core,\"a\".lab (10.0.0.3) ");
    assertThat(cells(row3, header))
        .containsExactly("20.0%", "10", "12.3", "11.9", "10.5", "14.3", "1.2");
    assertThat(lines.subList(at + 1, at + 5)).containsExactly(
        "                  [MPLS: Lbl 24001 TC 0 S 0 TTL 254]",
        "                  [MPLS: Lbl 16 TC 5 S 1 TTL 1]",
        "    AS4200000000  `-- " + HOSTILE_NAME_PRINTED + " (10.0.0.33) {Atlantis}  2 of 8 replies",
        lines.get(at + 4));
    assertThat(lines.get(at + 4)).startsWith(" 4. AS???         dst.lab (198.18.7.2) ");
    // Each target's column is as wide as its own labels.
    assertThat(text).contains("\n 1. AS???  2001:db8::1 ", "\n 2. AS???  2001:db8::2 !H ");
    assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || c == 0x7f))).isEmpty();
  }

  @Test
  void placesInWideOrCombiningLettersKeepTheFiguresUnderTheirTitles() {
    // A city database is someone else's file: two-column ideographs, a decomposed accent.
    HopFacts facts = new HopFacts(names(), Optional.empty(), Optional.of(new HopLookup<>(
        a -> java.util.concurrent.CompletableFuture.completedFuture(Optional.ofNullable(Map.of(
            ip("10.0.0.1"), new Place("JP", "Japan", "\u6771\u4eac\u90fd"),
            ip("198.18.7.2"), new Place("BR", "Brazil", "Sa\u0303o Paulo")).get(a))),
        java.time.Duration.ofSeconds(1))));
    String text = render(new TextReport(facts, false, ZoneOffset.UTC), report(reached()));
    List<String> lines = Arrays.asList(text.split("\n", -1));
    String header = lines.get(2);
    int lossEnd = columnsBefore(header, header.indexOf("Loss%") + "Loss%".length());
    for (String row : lines.subList(3, lines.size())) {
      int percent = row.indexOf('%');
      if (row.matches("^ ?\\d\\.\\|-- .*") && percent > 0) {
        assertThat(columnsBefore(row, percent + 1)).as("%s%n%s", header, row).isEqualTo(lossEnd);
      }
    }
    assertThat(lines.get(3)).contains("{\u6771\u4eac\u90fd, JP}");
  }

  /** Terminal columns taken by the first {@code end} chars: ideographs two, combining marks none. */
  private static int columnsBefore(String line, int end) {
    return line.substring(0, end).codePoints().map(org.jline.utils.WCWidth::wcwidth)
        .map(w -> Math.max(0, w)).sum();
  }
}
