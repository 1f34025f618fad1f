package dev.hoptrace.cli.it;

import static dev.hoptrace.cli.it.RunAs.NOBODY_UNPRIVILEGED;
import static dev.hoptrace.cli.it.RunAs.ROOT_RAW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoptrace.lab.AddressText;
import dev.hoptrace.lab.IpFamily;
import dev.hoptrace.lab.Lab;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 4884/4950 extensions without privilege: the {@code mpls} scenario's emulated routers answer
 * with MPLS label stacks, and a trace as nobody (error queue with {@code IP_RECVERR_RFC4884}) must
 * show, hop by hop, the labels a raw trace as root shows, whichever the method.
 */
class UnprivilegedMplsIT {
  private static final String SCENARIO = "mpls";

  private static ScenarioLab labs;
  private static Lab lab;

  @BeforeAll
  static void root() {
    ItEnvironment.requireRoot();
    labs = new ScenarioLab();
    lab = labs.of(SCENARIO, ScenarioFile.load(SCENARIO));
  }

  @AfterAll
  static void tearDown() {
    if (labs != null) {
      labs.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"IPV4, UDP", "IPV4, ICMP", "IPV4, TCP", "IPV6, UDP", "IPV6, ICMP", "IPV6, TCP"})
  void unprivilegedShowsTheLabelsRawShows(IpFamily family, String method) {
    Hoptrace hoptrace = new Hoptrace(lab);
    String destination = AddressText.of(lab.destinationAddress(family));
    List<String> args = new ArrayList<>(List.of(family.flag(), "-w", "2"));
    switch (method) {
      case "ICMP" -> args.add("-I");
      case "TCP" -> args.add("-T");
      default -> { }
    }
    args.add(destination);
    Map<Integer, Set<String>> raw = labels(hoptrace.trace(ROOT_RAW, args.toArray(String[]::new)));
    TraceReport unprivileged = hoptrace.trace(NOBODY_UNPRIVILEGED, args.toArray(String[]::new));

    assertThat(raw.values()).as("raw trace sees MPLS labels").anyMatch(s -> !s.isEmpty());
    assertThat(labels(unprivileged)).as(unprivileged.raw()).isEqualTo(raw);
  }

  /** Per TTL, each answering router with its label stack ("label/tc/s/ttl ..."). */
  private static Map<Integer, Set<String>> labels(TraceReport report) {
    Map<Integer, Set<String>> byTtl = new TreeMap<>();
    for (TraceReport.Hop hop : report.hops()) {
      Set<String> stacks = new TreeSet<>();
      for (TraceReport.Probe p : hop.probes()) {
        if (p.responder() != null && p.mpls().size() > 0) {
          stacks.add(address(p.responder()) + " " + stack(p.mpls()));
        }
      }
      byTtl.put(hop.ttl(), stacks);
    }
    return byTtl;
  }

  private static String address(InetAddress a) {
    return a.getHostAddress();
  }

  private static List<String> stack(JsonNode mpls) {
    List<String> entries = new ArrayList<>();
    mpls.forEach(e -> entries.add(e.get("label").asInt() + "/" + e.get("tc").asInt() + "/"
        + e.get("s").asBoolean() + "/" + e.get("ttl").asInt()));
    return entries;
  }
}
