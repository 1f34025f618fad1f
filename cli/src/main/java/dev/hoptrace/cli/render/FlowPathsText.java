package dev.hoptrace.cli.render;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.mda.Answer;
import dev.hoptrace.core.mda.FlowPaths;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.lookup.PrintableText;
import dev.hoptrace.packet.AddressText;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code hoptrace mda --flows N} as text: each flow's path on one line, then the distinct paths
 * with the flows that took each.
 */
public final class FlowPathsText {
  private FlowPathsText() {}

  public static void render(TraceRequest request, SessionInfo session, List<FlowPaths.Path> paths,
      long packetsSent, long elapsedNanos, Function<InetAddress, Optional<String>> names,
      PrintStream out) {
    out.println("hoptrace mda to " + PrintableText.of(request.hostName(), 253) + " (" + AddressText.of(request.destination())
        + "), " + paths.size() + " fixed " + ProbeMethod.text(request, false)
            .replaceFirst(", Paris flow 0$", "") + " Paris flows, each traced on its own, "
        + session.mode().name().toLowerCase(Locale.ROOT) + " mode: " + session.description());
    Map<String, List<Integer>> distinct = new LinkedHashMap<>();
    for (FlowPaths.Path path : paths) {
      String hops = hops(path, names);
      out.println(String.format(Locale.ROOT, "flow %d: %s", path.flow(), hops));
      distinct.computeIfAbsent(hops, h -> new ArrayList<>()).add(path.flow());
    }
    out.println(distinct.size() + " distinct path" + (distinct.size() == 1 ? "" : "s") + ":");
    distinct.forEach((hops, flows) ->
        out.println("  flows " + MultipathReport.flows(flows) + ": " + hops));
    out.println(String.format(Locale.ROOT, "%d probes, %.3f s", packetsSent, elapsedNanos / 1e9));
  }

  /** {@code r1 (198.18.1.2) > * > dst (198.18.8.2)}; "!" marks a path a router ended. */
  private static String hops(FlowPaths.Path path, Function<InetAddress, Optional<String>> names) {
    List<String> words = new ArrayList<>();
    for (Answer answer : path.hops()) {
      words.add(switch (answer) {
        case Answer.Router router -> MultipathReport.label(router.address(), names);
        case Answer.Destination end -> MultipathReport.label(end.address(), names);
        case Answer.Silent silent -> "*";
      });
    }
    return String.join(" > ", words);
  }
}
