package dev.hoptrace.cli.report;

import static dev.hoptrace.cli.report.ReportFixtures.COMMA_NAME;
import static dev.hoptrace.cli.report.ReportFixtures.HOSTILE_NAME;
import static dev.hoptrace.cli.report.ReportFixtures.names;
import static dev.hoptrace.cli.report.ReportFixtures.reached;
import static dev.hoptrace.cli.report.ReportFixtures.render;
import static dev.hoptrace.cli.report.ReportFixtures.report;
import static dev.hoptrace.cli.report.ReportFixtures.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final List<String> FIGURES = List.of("lastMs", "avgMs", "bestMs", "worstMs",
      "stdevMs", "jitterMs", "javgMs", "jmaxMs", "jintMs");

  private static String json(Report report) {
    return render(new JsonReport("9.9.9", names()), report);
  }

  private static JsonNode parse(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void documentCarriesRunAndTargetDescription() throws Exception {
    JsonNode doc = parse(json(report(reached(), unreachable())));
    assertThat(doc.get("hoptrace").asText()).isEqualTo("9.9.9");
    assertThat(doc.get("start").asText()).isEqualTo("2026-03-01T09:00:00.123Z");
    assertThat(doc.get("localHost").asText()).isEqualTo("tester");
    assertThat(doc.get("reports")).hasSize(2);

    JsonNode dst = doc.get("reports").get(0);
    assertThat(dst.get("destination").get("host").asText()).isEqualTo("dst.lab");
    assertThat(dst.get("destination").get("address").asText()).isEqualTo("198.18.7.2");
    assertThat(dst.get("protocol").asText()).isEqualTo("udp");
    assertThat(dst.get("family").asText()).isEqualTo("ipv4");
    assertThat(dst.get("mode").asText()).isEqualTo("raw");
    assertThat(dst.get("modeDescription").asText())
        .isEqualTo("raw IPv4 socket, ICMP via raw socket");
    assertThat(dst.get("source").asText()).isEqualTo("198.18.1.2");
    assertThat(dst.get("port").asInt()).isEqualTo(33434);
    assertThat(dst.get("rounds").asLong()).isEqualTo(10);
    assertThat(dst.get("reached").asBoolean()).isTrue();
    assertThat(dst.get("destinationTtl").asInt()).isEqualTo(4);
    assertThat(dst.get("durationMs").asDouble()).isEqualTo(9876.543);
    assertThat(dst.get("problem").isNull()).isTrue();
    assertThat(dst.get("dropped").get("unmatched").asLong()).isEqualTo(1);
    assertThat(dst.get("dropped").get("duplicate").asLong()).isEqualTo(2);

    JsonNode gw = doc.get("reports").get(1);
    assertThat(gw.get("protocol").asText()).isEqualTo("icmp");
    assertThat(gw.get("family").asText()).isEqualTo("ipv6");
    assertThat(gw.get("destination").get("address").asText()).isEqualTo("2001:db8::99");
    assertThat(gw.get("port").isNull()).isTrue();
    assertThat(gw.get("source").isNull()).as("wildcard source").isTrue();
    assertThat(gw.get("reached").asBoolean()).isFalse();
    assertThat(gw.get("destinationTtl").isNull()).isTrue();
  }

  @Test
  void everyHopCarriesEveryFigure() throws Exception {
    JsonNode hops = parse(json(report(reached()))).get("reports").get(0).get("hops");
    assertThat(hops).hasSize(4);
    JsonNode hop3 = hops.get(2);
    assertThat(hop3.get("ttl").asInt()).isEqualTo(3);
    assertThat(hop3.get("sent").asLong()).isEqualTo(10);
    assertThat(hop3.get("received").asLong()).isEqualTo(8);
    assertThat(hop3.get("lossPercent").asDouble()).isEqualTo(20.0);
    assertThat(FIGURES.stream().map(f -> hop3.get(f).asDouble()))
        .containsExactly(12.345, 11.876, 10.5, 14.25, 1.234, 0.5, 0.75, 2.0, 0.6);
    assertThat(hop3.get("forwardLoss").asLong()).isEqualTo(2);
    assertThat(hop3.get("backwardLoss").asLong()).isEqualTo(1);
    assertThat(hop3.get("annotation").isNull()).isTrue();
    assertThat(hop3.get("destination").asBoolean()).isFalse();
    assertThat(hops.get(3).get("destination").asBoolean()).isTrue();
  }

  @Test
  void everyResponderIsListedWithNameRepliesAndMpls() throws Exception {
    JsonNode hops = parse(json(report(reached()))).get("reports").get(0).get("hops");
    JsonNode responders = hops.get(2).get("responders");
    assertThat(responders).hasSize(2);
    assertThat(responders.get(0).get("address").asText()).isEqualTo("10.0.0.3");
    assertThat(responders.get(0).get("name").asText()).isEqualTo(COMMA_NAME);
    assertThat(responders.get(0).get("replies").asLong()).isEqualTo(6);
    JsonNode mpls = responders.get(0).get("mpls");
    assertThat(mpls).hasSize(2);
    assertThat(mpls.get(0).get("label").asInt()).isEqualTo(24001);
    assertThat(mpls.get(0).get("tc").asInt()).isEqualTo(0);
    assertThat(mpls.get(0).get("s").asBoolean()).isFalse();
    assertThat(mpls.get(0).get("ttl").asInt()).isEqualTo(254);
    assertThat(mpls.get(1).get("label").asInt()).isEqualTo(16);
    assertThat(mpls.get(1).get("tc").asInt()).isEqualTo(5);
    assertThat(mpls.get(1).get("s").asBoolean()).isTrue();
    assertThat(mpls.get(1).get("ttl").asInt()).isEqualTo(1);
    assertThat(responders.get(1).get("address").asText()).isEqualTo("10.0.0.33");
    assertThat(responders.get(1).get("replies").asLong()).isEqualTo(2);
    assertThat(responders.get(1).get("mpls")).isEmpty();
    assertThat(hops.get(1).get("responders")).as("silent hop").isEmpty();
  }

  @Test
  void undefinedFiguresAreNullNeverNaN() throws Exception {
    String json = json(report(reached(), unreachable()));
    assertThat(json).doesNotContain("NaN", "Infinity");
    JsonNode silent = parse(json).get("reports").get(0).get("hops").get(1);
    assertThat(silent.get("lossPercent").asDouble()).isEqualTo(100.0);
    for (String figure : FIGURES) {
      assertThat(silent.get(figure).isNull()).as(figure).isTrue();
    }
    JsonNode once = parse(json).get("reports").get(1).get("hops").get(1);
    assertThat(once.get("avgMs").asDouble()).isEqualTo(5.0);
    assertThat(once.get("stdevMs").isNull()).isTrue();
    assertThat(once.get("jitterMs").isNull()).isTrue();
    assertThat(once.get("annotation").asText()).isEqualTo("!H");
    assertThat(once.get("responders").get(0).get("name").isNull()).as("no name").isTrue();
  }

  @Test
  void findingsCarryKindHopAndMessage() throws Exception {
    JsonNode findings = parse(json(report(reached()))).get("reports").get(0).get("findings");
    assertThat(StreamSupport.stream(findings.spliterator(), false)
        .map(f -> f.get("kind").asText() + "@" + f.get("ttl").asText() + ":"
            + f.get("message").asText()))
        .containsExactly(
            "silent-hop@2:hop 2 never answers; later hops do",
            "rate-limited@3:hop 3 limits its ICMP replies",
            "clean@null:the destination answers every probe");
    assertThat(findings.get(2).get("ttl").isNull()).isTrue();
  }

  @Test
  void hostileNamesAreEscapedAndSurviveIntact() throws Exception {
    String json = json(report(reached()));
    assertThat(json.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(json.strip()).doesNotContain("\n");
    JsonNode responder = parse(json).get("reports").get(0).get("hops").get(2)
        .get("responders").get(1);
    assertThat(responder.get("name").asText()).isEqualTo(HOSTILE_NAME);
  }

  @Test
  void emptyReportsAndEmptyHopListsAreValidJson() throws Exception {
    JsonNode none = parse(json(report()));
    assertThat(none.get("reports")).isEmpty();
    JsonNode empty = parse(render(new JsonReport("9.9.9", Optional.empty()),
        report(ReportFixtures.empty()))).get("reports").get(0);
    assertThat(empty.get("hops")).isEmpty();
    assertThat(empty.get("findings")).isEmpty();
    assertThat(empty.get("rounds").asLong()).isZero();
    assertThat(empty.get("problem").asText()).isEqualTo("sendto: network is unreachable");
  }

  @Test
  void respondersCarryAsAndPlaceAsTheTraceJsonDoesOnlyWhereKnown() throws Exception {
    JsonNode hops = parse(render(new JsonReport("9.9.9", ReportFixtures.facts()),
        report(reached()))).get("reports").get(0).get("hops");
    JsonNode r1 = hops.get(0).get("responders").get(0);
    assertThat(r1.get("asn").asLong()).isEqualTo(64500);
    assertThat(r1.get("asName").asText()).isEqualTo("ACCESS Example");
    assertThat(r1.get("prefix").asText()).isEqualTo("10.0.0.0/24");
    assertThat(r1.get("country").asText()).isEqualTo("DE");
    assertThat(r1.get("city").asText()).isEqualTo("Berlin");
    JsonNode core = hops.get(2).get("responders").get(0);
    assertThat(core.get("asName").asText()).isEqualTo("CORE?]0;pwned? Net");
    assertThat(core.has("country")).isFalse();
    JsonNode far = hops.get(2).get("responders").get(1);
    assertThat(far.get("asn").asLong()).isEqualTo(4_200_000_000L);
    assertThat(far.has("asName")).isFalse();
    assertThat(far.has("prefix")).isFalse();
    assertThat(far.get("country").asText()).isEqualTo("Atlantis");
    assertThat(far.has("city")).isFalse();
    JsonNode dst = hops.get(3).get("responders").get(0);
    assertThat(dst.has("asn")).as("no AS known").isFalse();
    assertThat(dst.get("replies").asLong()).isEqualTo(10);
  }

  @Test
  void withoutDashAThereAreNoAsMembers() throws Exception {
    String json = json(report(reached()));
    assertThat(json).doesNotContain("\"asn\"", "\"country\"");
  }
}
