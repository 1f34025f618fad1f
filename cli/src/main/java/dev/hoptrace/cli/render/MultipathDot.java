package dev.hoptrace.cli.render;

import dev.hoptrace.core.mda.Link;
import dev.hoptrace.core.mda.MultipathHop;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A multipath trace as a Graphviz digraph: one node per interface (labelled with its name,
 * address and the TTLs it answered at), one edge per link labelled with the flows seen on it, and
 * dashed edges from this host to the first hop. {@code dot -Tsvg} draws it.
 */
public final class MultipathDot {
  private MultipathDot() {}

  public static String render(MultipathReport report) {
    Map<InetAddress, TreeSet<Integer>> ttls = new LinkedHashMap<>();
    for (MultipathHop hop : report.result().hops()) {
      hop.interfaces().forEach(a -> ttls.computeIfAbsent(a, k -> new TreeSet<>()).add(hop.ttl()));
    }
    StringBuilder dot = new StringBuilder("digraph mda {\n")
        .append("  graph [label=").append(quote(MultipathText.header(report) + "\\n"
            + MultipathText.footer(report))).append(", labelloc=t, fontsize=10];\n")
        .append("  node [shape=box, fontsize=10];\n  edge [fontsize=9];\n")
        .append("  source [label=\"this host\", shape=ellipse];\n");
    ttls.forEach((address, at) -> {
      String name = report.names().apply(address).orElse("");
      String label = (name.isEmpty() ? "" : name + "\\n") + AddressText.of(address) + "\\nTTL "
          + String.join(",", at.stream().map(String::valueOf).toList());
      boolean end = address.equals(report.request().destination());
      dot.append("  ").append(quote(AddressText.of(address))).append(" [label=")
          .append(quote(label)).append(end ? ", shape=doubleoctagon" : "").append("];\n");
    });
    report.result().hops().stream().findFirst().ifPresent(first -> first.interfaces().forEach(
        a -> dot.append("  source -> ").append(quote(AddressText.of(a)))
            .append(" [style=dashed];\n")));
    for (Link link : report.result().links()) {
      dot.append("  ").append(quote(AddressText.of(link.from()))).append(" -> ")
          .append(quote(AddressText.of(link.to()))).append(" [label=")
          .append(quote("flows " + MultipathReport.flows(link.flows())))
          .append(link.fromTtl() < link.ttl() - 1 ? ", style=dotted" : "").append("];\n");
    }
    return dot.append("}\n").toString();
  }

  /** A DOT string; "\\n" sequences the caller put in stay line breaks. */
  private static String quote(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }
}
