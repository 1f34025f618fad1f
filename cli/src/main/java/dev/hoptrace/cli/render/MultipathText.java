package dev.hoptrace.cli.render;

import dev.hoptrace.core.mda.Link;
import dev.hoptrace.core.mda.MultipathHop;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.lookup.PrintableText;
import dev.hoptrace.packet.AddressText;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A multipath trace as text: a header, then per TTL its interfaces and the edges into them with
 * the flows seen on each, then what it cost and why it stopped.
 *
 * <pre>
 *  2  r2a (198.18.2.2)
 *     r2b (198.18.3.2)
 *       r1 (198.18.1.2) -&gt; r2a (198.18.2.2)  [flows 0,2-4]
 * </pre>
 */
public final class MultipathText {
  private MultipathText() {}

  public static void render(MultipathReport report, PrintStream out) {
    MultipathResult result = report.result();
    out.println(header(report));
    for (MultipathHop hop : result.hops()) {
      String ttl = String.format(Locale.ROOT, "%2d  ", hop.ttl());
      if (hop.interfaces().isEmpty()) {
        out.println(ttl + "*" + (hop.probes() > 0 ? "  (" + hop.probes() + " probes, no answer)"
            : ""));
      }
      for (int i = 0; i < hop.interfaces().size(); i++) {
        var address = hop.interfaces().get(i);
        boolean end = hop.destination() && address.equals(report.request().destination());
        out.println((i == 0 ? ttl : "    ") + report.label(address)
            + (end ? "  destination" : ""));
      }
      if (hop.perPacket()) {
        out.println("    ! per-packet balancing: a flow probed again here came back from another"
            + " interface; the edges from here on show where single probes went");
      }
      for (Link link : hop.links()) {
        String skipped = link.fromTtl() < hop.ttl() - 1
            ? "  (from hop " + link.fromTtl() + ", silent between)" : "";
        out.println("      " + report.label(link.from()) + " -> " + report.label(link.to())
            + "  [flows " + MultipathReport.flows(link.flows()) + "]" + skipped);
      }
    }
    out.println(footer(report));
  }

  static String header(MultipathReport report) {
    var request = report.request();
    var result = report.result();
    var session = report.run().session();
    StringBuilder s = new StringBuilder("hoptrace mda to ").append(PrintableText.of(request.hostName(), 253))
        .append(" (").append(AddressText.of(request.destination())).append("), ")
        .append(report.algorithm()).append(" at ").append(report.confidencePercent())
        .append(" % confidence, TTL ").append(result.settings().firstTtl()).append("..")
        .append(result.settings().maxTtl()).append(", at most ")
        .append(result.settings().maxProbes()).append(" probes, ")
        .append(ProbeMethod.text(request, false).replaceFirst(", Paris flow 0$", ""))
        .append(" Paris flows, ")
        .append(session.mode().name().toLowerCase(Locale.ROOT)).append(" mode: ")
        .append(session.description());
    return s.toString();
  }

  static String footer(MultipathReport report) {
    MultipathResult result = report.result();
    long packets = report.run().packetsSent();
    String retries = packets > result.probesSent()
        ? " (" + packets + " packets with retries of silent flows)" : "";
    String why = switch (result.end()) {
      case DESTINATION_REACHED -> "every branch reached the destination";
      case GAP_LIMIT -> "every branch went silent for the gap limit";
      case MAX_TTL -> "branches still open at the max TTL";
      case PROBE_BUDGET -> "the probe budget ran out: the graph may be incomplete (--max-probes)";
    };
    return String.format(Locale.ROOT, "%d probes%s, %.3f s; stopped: %s", result.probesSent(),
        retries, report.run().elapsedNanos() / 1e9, why);
  }
}
