package dev.hoptrace.cli.it;

import static dev.hoptrace.cli.it.RunAs.NOBODY_UNPRIVILEGED;
import static dev.hoptrace.cli.it.RunAs.ROOT_RAW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import dev.hoptrace.scenario.Scenario;
import dev.hoptrace.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path anatomy against real kernels (root, the lab). The {@code anatomy} scenario: hop 1 a CPE
 * whose nft rules rewrite the client's address statelessly (the ICMP quotes stay rewritten), hop
 * 2 an ISP router that re-marks DSCP 46 with nft, hop 3 an emulated core router that reports its
 * interface (RFC 5837), hop 4 a Linux router, hop 5 the destination. The {@code nat} scenario's
 * conntrack masquerade translates quotes back and must show nothing.
 */
class PathAnatomyIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ScenarioLab labs;

  @BeforeAll
  static void root() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
  }

  @AfterAll
  static void tearDown() {
    if (labs != null) {
      labs.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"IPV4, UDP", "IPV4, ICMP", "IPV4, TCP", "IPV6, UDP", "IPV6, ICMP", "IPV6, TCP"})
  void rawModeMarksTheNatAndTheRemarkingAtTheHopAfterThem(IpFamily family, String method)
      throws Exception {
    Lab lab = labs.of("anatomy", ScenarioFile.load("anatomy"));
    TraceReport report = new Hoptrace(lab).trace(ROOT_RAW, args(lab, family, method, "-q", "2"));
    JsonNode hops = JSON.readTree(report.raw()).get("hops");

    assertThat(report.reached()).as("probes behind the NAT are still matched: " + report.raw())
        .isTrue();
    assertThat(hops).hasSize(5);
    String cpeOutside = family == IpFamily.IPV4 ? "198.18.2.1" : "2001:db8:0:2::1";
    for (int ttl = 1; ttl <= 5; ttl++) {
      JsonNode anatomy = hops.get(ttl - 1).get("anatomy");
      if (ttl == 2) {
        assertThat(anatomy.get("nat").get("translatedSource").asText()).as(report.raw())
            .isEqualTo(cpeOutside);
      } else {
        assertThat(anatomy.get("nat").isNull()).as("hop %d: %s", ttl, report.raw()).isTrue();
      }
      if (ttl == 3) {
        assertThat(anatomy.get("tos").get("dscp").asInt()).as(report.raw()).isEqualTo(46);
        assertThat(anatomy.get("tos").get("from").asInt()).isZero();
      } else {
        assertThat(anatomy.get("tos").isNull()).as("hop %d: %s", ttl, report.raw()).isTrue();
      }
      assertThat(anatomy.get("quotedTtl").isNull()).as("hop %d: %s", ttl, report.raw()).isTrue();
    }
    JsonNode info = hops.get(2).get("probes").get(0).get("interfaces").get(0);
    assertThat(info.get("name").asText()).isEqualTo("xe-0/0/1");
    assertThat(info.get("ifIndex").asInt()).isEqualTo(7);
    assertThat(info.get("address").asText()).isEqualTo("198.18.3.2");
    assertThat(info.get("mtu").asInt()).isEqualTo(1500);
  }

  @Test
  void theTextMarksTheHopsAndMinusEPrintsTheInterface() {
    Lab lab = labs.of("anatomy", ScenarioFile.load("anatomy"));
    String out = new Hoptrace(lab).text(ROOT_RAW, args(lab, IpFamily.IPV4, "UDP", "-e"))
        .stdout();
    List<String> lines = out.lines().toList();

    assertThat(lines.get(1)).as(out).startsWith(" 1  198.18.1.2 ").doesNotContain("NAT=");
    assertThat(lines.get(2)).as(out).startsWith(" 2  198.18.2.2 ").endsWith("  NAT=198.18.2.1");
    assertThat(lines.get(3)).as(out).startsWith(
        " 3  198.18.3.2 <IF:in,name=xe-0/0/1,index=7,addr=198.18.3.2,mtu=1500>  ")
        .endsWith("  TOS=0x00>0xb8");
    assertThat(lines.get(4)).as(out).startsWith(" 4  198.18.4.2 ").doesNotContain("=");
  }

  @Test
  void aTosSentIsWhatTheFirstHopIsComparedWith() throws Exception {
    Lab lab = labs.of("anatomy", ScenarioFile.load("anatomy"));
    TraceReport report = new Hoptrace(lab).trace(ROOT_RAW,
        args(lab, IpFamily.IPV4, "UDP", "-q", "1", "-t", "32"));
    JsonNode hops = JSON.readTree(report.raw()).get("hops");

    assertThat(hops.get(0).get("anatomy").get("tos").isNull()).as(report.raw()).isTrue();
    assertThat(hops.get(2).get("anatomy").get("tos").get("from").asInt()).isEqualTo(0x20);
    assertThat(hops.get(2).get("anatomy").get("tos").get("to").asInt()).isEqualTo(0xb8);
  }

  @Test
  void unprivilegedSocketsHearNothingPastANatThatLeavesQuotesRewritten() {
    Lab lab = labs.of("anatomy", ScenarioFile.load("anatomy"));
    TraceReport report = new Hoptrace(lab).trace(NOBODY_UNPRIVILEGED,
        args(lab, IpFamily.IPV4, "UDP", "-q", "1", "-m", "4", "-w", "1"));

    assertThat(report.hop(1).silent()).as(report.raw()).isFalse();
    for (int ttl = 2; ttl <= 4; ttl++) {
      assertThat(report.hop(ttl).silent()).as(report.raw()).isTrue();
    }
  }

  @Test
  void theReportCarriesTheAnatomyToo() throws Exception {
    Lab lab = labs.of("anatomy", ScenarioFile.load("anatomy"));
    String json = new Hoptrace(lab).runRaw(ROOT_RAW, "report", "-n", "--mode", "raw", "-u",
        "-c", "2", "-i", "0.2", "-o", "json",
        AddressText.of(lab.destinationAddress(IpFamily.IPV4))).stdout();
    JsonNode hops = JSON.readTree(json).get("reports").get(0).get("hops");

    assertThat(hops.get(1).get("anatomy").get("nat").get("translatedSource").asText())
        .as(json).isEqualTo("198.18.2.1");
    assertThat(hops.get(2).get("anatomy").get("tos").get("dscp").asInt()).as(json).isEqualTo(46);
    assertThat(hops.get(2).get("responders").get(0).get("interfaces").get(0).get("name")
        .asText()).isEqualTo("xe-0/0/1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UDP", "ICMP", "TCP"})
  void aConntrackMasqueradeLeavesNothingToSee(String method) throws Exception {
    Lab lab = labs.of("nat", ScenarioFile.load("nat"));
    TraceReport report = new Hoptrace(lab).trace(ROOT_RAW,
        args(lab, IpFamily.IPV4, method, "-q", "2"));
    JsonNode hops = JSON.readTree(report.raw()).get("hops");

    assertThat(report.reached()).as(report.raw()).isTrue();
    for (JsonNode hop : hops) {
      assertThat(hop.get("anatomy").get("nat").isNull()).as(report.raw()).isTrue();
      for (JsonNode probe : hop.get("probes")) {
        if (probe.has("quoted")) {
          assertThat(probe.get("quoted").get("translatedSource").isNull()).isTrue();
          assertThat(probe.get("quoted").get("checksumRewritten").asBoolean()).isFalse();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"IPV4, ROOT_RAW", "IPV4, NOBODY_UNPRIVILEGED", "IPV6, ROOT_RAW",
      "IPV6, NOBODY_UNPRIVILEGED"})
  void rfc5837ReachesRawAndUnprivilegedTraces(IpFamily family, RunAs user) throws Exception {
    Scenario scenario = ScenarioReader.read("""
        name: rfc5837
        nodes:
          - {name: client, role: client}
          - {name: r1}
          - {name: core, interfaces: [{ifindex: 7, name: et-0/0/3, address: 198.18.2.2},
              {role: outgoing, ifindex: 9, mtu: 9000}]}
          - {name: dst, role: destination}
        links: [client -- r1, r1 -- core, core -- dst]
        """, "rfc5837.yaml");
    Lab lab = labs.of("rfc5837", scenario);
    TraceReport report = new Hoptrace(lab).trace(user, args(lab, family, "UDP", "-q", "2"));
    JsonNode hops = JSON.readTree(report.raw()).get("hops");

    for (JsonNode probe : hops.get(1).get("probes")) {
      JsonNode interfaces = probe.get("interfaces");
      assertThat(interfaces).as(report.raw()).hasSize(2);
      assertThat(interfaces.get(0).get("name").asText()).isEqualTo("et-0/0/3");
      assertThat(interfaces.get(0).get("role").asText()).isEqualTo("incoming");
      assertThat(interfaces.get(1).get("role").asText()).isEqualTo("outgoing");
      assertThat(interfaces.get(1).get("mtu").asInt()).isEqualTo(9000);
      assertThat(interfaces.get(1).get("name").isNull()).isTrue();
    }
    assertThat(hops.get(0).get("probes").get(0).get("interfaces")).isEmpty();
  }

  private static String[] args(Lab lab, IpFamily family, String method, String... more) {
    List<String> args = new ArrayList<>(List.of(family.flag(), "-w", "2"));
    switch (method) {
      case "ICMP" -> args.add("-I");
      case "TCP" -> args.add("-T");
      default -> { }
    }
    args.addAll(List.of(more));
    args.add(AddressText.of(lab.destinationAddress(family)));
    return args.toArray(String[]::new);
  }
}
