package dev.hoptrace.cli.render;

import dev.hoptrace.core.MultipathTracer;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.mda.MdaSettings;
import dev.hoptrace.core.mda.MultipathResult;
import dev.hoptrace.packet.AddressText;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A finished multipath trace with what its renderers (text, JSON, Graphviz) share: how it probed,
 * the names of interfaces, and the words for its algorithm, stop reason and flow lists.
 *
 * @param request destination, protocol and port it probed with
 * @param run what it found and cost
 * @param names the name of an interface, or empty (with -n always empty)
 */
public record MultipathReport(TraceRequest request, MultipathTracer.Run run,
    Function<InetAddress, Optional<String>> names) {

  public MultipathResult result() {
    return run.result();
  }

  /** {@code "r1 (198.18.1.2)"}, or the address alone when it has no name. */
  public String label(InetAddress address) {
    return label(address, names);
  }

  /** {@link #label(InetAddress)} with the names given. */
  public static String label(InetAddress address, Function<InetAddress, Optional<String>> names) {
    String text = AddressText.of(address);
    return names.apply(address).filter(name -> !name.equals(text))
        .map(name -> name + " (" + text + ")").orElse(text);
  }

  /** {@code "MDA-Lite"} or {@code "MDA"}. */
  public String algorithm() {
    return result().settings().variant() == MdaSettings.Variant.MDA_LITE ? "MDA-Lite" : "MDA";
  }

  /** 95 % as {@code "95"}, 99.9 % as {@code "99.9"}. */
  public String confidencePercent() {
    double percent = result().confidence() * 100;
    return percent == Math.rint(percent)
        ? Long.toString(Math.round(percent))
        : String.format(Locale.ROOT, "%.4g", percent);
  }

  /** The stop reason in the words of the JSON ({@code destination-reached}, ...). */
  public String end() {
    return result().end().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Ascending flow numbers as ranges: {@code 0-3,5,9}. */
  public static String flows(List<Integer> flows) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < flows.size(); i++) {
      int start = flows.get(i);
      int end = start;
      while (i + 1 < flows.size() && flows.get(i + 1) == end + 1) {
        end = flows.get(++i);
      }
      if (!s.isEmpty()) {
        s.append(',');
      }
      s.append(start);
      if (end > start) {
        s.append(end == start + 1 ? "," : "-").append(end);
      }
    }
    return s.toString();
  }
}
