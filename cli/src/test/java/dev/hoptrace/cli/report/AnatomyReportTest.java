package dev.hoptrace.cli.report;

import static dev.hoptrace.cli.report.ReportFixtures.ip;
import static dev.hoptrace.cli.report.ReportFixtures.render;
import static dev.hoptrace.cli.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.anatomy.HopEvidence;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.core.stats.RttSummary;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A raw-mode report of a path with a NAT before hop 2 (its quote shows the probe from
 * 198.18.2.1), DSCP 46 from hop 3 on, and hop 3 naming its interface: every format shows it at
 * those hops and nowhere else.
 */
class AnatomyReportTest {
  private static final InterfaceInformation XE = new InterfaceInformation(0, OptionalInt.of(7),
      Optional.of(ip("198.18.3.2")), Optional.of("xe-0/0/1"), OptionalInt.of(1500));

  @Test
  void textShowsTheMarksUnderTheirHopAndTheInterfaceUnderItsResponder() {
    String text = render(new TextReport(Optional.empty(), false, ZoneOffset.UTC), report(path()));

    List<String> lines = text.lines().toList();
    int hop2 = indexOf(lines, " 2.|-- 198.18.2.2");
    int hop3 = indexOf(lines, " 3.|-- 198.18.3.2");
    assertThat(lines.get(hop2 + 1).strip()).isEqualTo("NAT=198.18.2.1");
    assertThat(lines.get(hop3 + 1).strip()).isEqualTo("TOS=0x00>0xb8");
    assertThat(lines.get(hop3 + 2).strip())
        .isEqualTo("[IF incoming: xe-0/0/1 #7 198.18.3.2 MTU 1500]");
    assertThat(text).containsOnlyOnce("NAT=").containsOnlyOnce("TOS=");
  }

  @Test
  void jsonHasEachHopsAnatomyAndEachRespondersInterfaces() throws Exception {
    JsonNode hops = new ObjectMapper()
        .readTree(render(new JsonReport("test", Optional.empty()), report(path())))
        .get("reports").get(0).get("hops");

    assertThat(hops.get(0).get("anatomy").get("nat").isNull()).isTrue();
    assertThat(hops.get(1).get("anatomy").get("nat").get("translatedSource").asText())
        .isEqualTo("198.18.2.1");
    assertThat(hops.get(2).get("anatomy").get("tos").get("dscp").asInt()).isEqualTo(46);
    assertThat(hops.get(2).get("anatomy").get("tos").get("from").asInt()).isZero();
    assertThat(hops.get(3).get("anatomy").get("tos").isNull()).isTrue();
    JsonNode info = hops.get(2).get("responders").get(0).get("interfaces").get(0);
    assertThat(info.get("name").asText()).isEqualTo("xe-0/0/1");
    assertThat(info.get("ifIndex").asInt()).isEqualTo(7);
    assertThat(info.get("address").asText()).isEqualTo("198.18.3.2");
    assertThat(info.get("mtu").asInt()).isEqualTo(1500);
    assertThat(info.get("role").asText()).isEqualTo("incoming");
  }

  @Test
  void csvHasTheAnatomyColumnsOnTheHopsRow() {
    List<List<String>> records = CsvRecords.parse(
        render(new CsvReport(Optional.empty()), report(path())));
    List<String> header = records.getFirst();
    List<Map<String, String>> rows = records.subList(1, records.size()).stream()
        .map(r -> {
          java.util.Map<String, String> row = new java.util.HashMap<>();
          for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), r.get(i));
          }
          return (Map<String, String>) row;
        }).toList();

    assertThat(rows).extracting(r -> r.get("Nat"))
        .containsExactly("", "198.18.2.1", "", "");
    assertThat(rows).extracting(r -> r.get("Tos")).containsExactly("", "", "0x00>0xb8", "");
    assertThat(rows.get(2).get("Interfaces"))
        .isEqualTo("[IF incoming: xe-0/0/1 #7 198.18.3.2 MTU 1500]");
    assertThat(rows).extracting(r -> r.get("Quoted_Ttl")).containsOnly("");
    assertThat(rows).extracting(r -> r.get("Return_Hops")).containsOnly("");
  }

  private static LiveSnapshot path() {
    TraceRequest request = TraceRequest.to(ip("198.18.4.2")).build();
    SessionInfo session = new SessionInfo(ProbeMode.RAW, "raw", "", ip("198.18.1.1"), true);
    QuotedIpHeader inside = new QuotedIpHeader(1, 0, 5);
    QuotedIpHeader outside = new QuotedIpHeader(1, 0, 5, Optional.of(ip("198.18.2.1")), true);
    QuotedIpHeader marked = new QuotedIpHeader(1, 0xb8, 5, Optional.of(ip("198.18.2.1")), true);
    List<HopSnapshot> hops = List.of(
        hop(1, "198.18.1.2", IcmpExtensions.NONE, inside),
        hop(2, "198.18.2.2", IcmpExtensions.NONE, outside),
        hop(3, "198.18.3.2", new IcmpExtensions(List.of(), List.of(XE), List.of()), marked),
        hop(4, "198.18.4.2", IcmpExtensions.NONE, marked));
    return new LiveSnapshot(request, session, 3, hops, 4, DropCounts.NONE, Optional.empty(),
        false, true, 1_000_000_000L, List.of());
  }

  private static HopSnapshot hop(int ttl, String responder, IcmpExtensions extensions,
      QuotedIpHeader quote) {
    RttSummary rtt = new RttSummary(1, 1, 1, 1, 0);
    return new HopSnapshot(ttl, 3, 3, rtt, JitterSummary.NONE, 0, 0,
        List.of(new ResponderShare(ip(responder), 3, extensions)), List.of(), "", ttl == 4,
        new HopEvidence(ttl, Optional.of(quote), ttl));
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' in " + lines);
  }
}
