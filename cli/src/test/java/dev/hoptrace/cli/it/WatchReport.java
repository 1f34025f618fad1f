package dev.hoptrace.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One target's block of {@code hoptrace report -o json} (docs/report.md), read strictly: a missing
 * field is a test failure, not a default.
 */
record WatchReport(String host, String address, long rounds, boolean reached, int destinationTtl,
    double durationMs, Optional<String> problem, List<Hop> hops, List<Finding> findings,
    String raw) {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Hop(int ttl, long sent, long received, double lossPercent, boolean destination) {}

  /** {@code ttl} is 0 for a finding about the whole path (JSON null). */
  record Finding(String kind, int ttl, String message) {}

  /** Every target's block, in the order the HOSTs were given. */
  static List<WatchReport> parseAll(String stdout) {
    try {
      JsonNode root = JSON.readTree(stdout.strip());
      List<WatchReport> reports = new ArrayList<>();
      for (JsonNode report : field(root, "reports")) {
        reports.add(of(report));
      }
      return List.copyOf(reports);
    } catch (Exception e) {
      throw new AssertionError("no valid JSON report (" + e.getMessage() + "):\n" + stdout, e);
    }
  }

  private static WatchReport of(JsonNode report) {
    List<Hop> hops = new ArrayList<>();
    for (JsonNode hop : field(report, "hops")) {
      hops.add(new Hop(field(hop, "ttl").asInt(), field(hop, "sent").asLong(),
          field(hop, "received").asLong(), field(hop, "lossPercent").asDouble(),
          field(hop, "destination").asBoolean()));
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode finding : field(report, "findings")) {
      findings.add(new Finding(field(finding, "kind").asText(), field(finding, "ttl").asInt(0),
          field(finding, "message").asText()));
    }
    JsonNode destination = field(report, "destination");
    JsonNode problem = field(report, "problem");
    return new WatchReport(field(destination, "host").asText(),
        field(destination, "address").asText(), field(report, "rounds").asLong(),
        field(report, "reached").asBoolean(), field(report, "destinationTtl").asInt(0),
        field(report, "durationMs").asDouble(),
        problem.isNull() ? Optional.empty() : Optional.of(problem.asText()), List.copyOf(hops),
        List.copyOf(findings), report.toString());
  }

  Hop hop(int ttl) {
    return hops.stream().filter(h -> h.ttl() == ttl).findFirst()
        .orElseThrow(() -> new AssertionError("no hop " + ttl + " in " + raw));
  }

  /** The findings of one kind ({@code rate-limited}, {@code forward-loss}, ...). */
  List<Finding> findings(String kind) {
    return findings.stream().filter(f -> f.kind().equals(kind)).toList();
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field \"" + name + "\" in " + node);
    }
    return value;
  }
}
