package dev.hoptrace.cli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoptrace.lab.ExecResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * hoptrace's JSON report ({@code -o json}) read into records, strictly: a missing field is a
 * test failure, not a default.
 */
record TraceReport(
    String version,
    String host,
    InetAddress address,
    String protocol,
    String family,
    String mode,
    int port,
    boolean paris,
    Integer flow,
    int firstTtl,
    int maxTtl,
    int probesPerHop,
    int packetLength,
    boolean reached,
    String stopReason,
    List<Hop> hops,
    JsonNode dropped,
    double durationMs,
    String raw) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One TTL's probes, in send order. */
  record Hop(int ttl, List<Probe> probes) {
    /** The distinct responders of this hop, in order of first appearance; empty when silent. */
    List<InetAddress> responders() {
      return probes.stream().map(Probe::responder).filter(r -> r != null).distinct().toList();
    }

    boolean silent() {
      return probes.stream().allMatch(p -> p.kind().equals("timeout"));
    }
  }

  /** One probe's outcome; null fields are JSON nulls. */
  record Probe(InetAddress responder, String name, Double rttMs, Integer replyTtl,
      Integer icmpType, Integer icmpCode, String kind, String annotation, boolean isFinal,
      JsonNode mpls) {}

  static TraceReport parse(ExecResult run) {
    String out = run.stdout().strip();
    try {
      JsonNode root = JSON.readTree(out);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not one JSON object");
      }
      List<Hop> hops = new ArrayList<>();
      for (JsonNode hop : field(root, "hops")) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode p : field(hop, "probes")) {
          probes.add(new Probe(address(field(p, "responder")), text(field(p, "name")),
              p.get("rttMs").isNull() ? null : field(p, "rttMs").asDouble(),
              integer(field(p, "replyTtl")), integer(field(p, "icmpType")),
              integer(field(p, "icmpCode")), field(p, "kind").asText(),
              text(field(p, "annotation")), field(p, "final").asBoolean(), field(p, "mpls")));
        }
        hops.add(new Hop(field(hop, "ttl").asInt(), List.copyOf(probes)));
      }
      JsonNode destination = field(root, "destination");
      return new TraceReport(field(root, "hoptrace").asText(), field(destination, "host").asText(),
          address(field(destination, "address")), field(root, "protocol").asText(),
          field(root, "family").asText(), field(root, "mode").asText(),
          field(root, "port").asInt(), field(root, "paris").asBoolean(),
          integer(field(root, "flow")), field(root, "firstTtl").asInt(),
          field(root, "maxTtl").asInt(), field(root, "probesPerHop").asInt(),
          field(root, "packetLength").asInt(), field(root, "reached").asBoolean(),
          field(root, "stopReason").asText(), List.copyOf(hops), field(root, "dropped"),
          field(root, "durationMs").asDouble(), out);
    } catch (Exception e) {
      throw new AssertionError("hoptrace printed no valid JSON report (" + e.getMessage() + "): "
          + run.describe(), e);
    }
  }

  /** The hop with this TTL. */
  Hop hop(int ttl) {
    return hops.stream().filter(h -> h.ttl() == ttl).findFirst()
        .orElseThrow(() -> new AssertionError("no hop " + ttl + " in " + raw));
  }

  /** Responders per hop, in TTL order: what a user reads off a traceroute. */
  List<List<InetAddress>> respondersPerHop() {
    return hops.stream().map(Hop::responders).toList();
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing field \"" + name + "\" in " + node);
    }
    return value;
  }

  private static String text(JsonNode node) {
    return node.isNull() ? null : node.asText();
  }

  private static Integer integer(JsonNode node) {
    return node.isNull() ? null : node.asInt();
  }

  private static InetAddress address(JsonNode node) throws UnknownHostException {
    if (node.isNull()) {
      return null;
    }
    String text = node.asText();
    if (!text.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an address literal: " + text);
    }
    return InetAddress.getByName(text); // a literal: parsed, never looked up
  }
}
