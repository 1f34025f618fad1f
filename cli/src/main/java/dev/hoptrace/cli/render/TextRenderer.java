package dev.hoptrace.cli.render;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.ProbeSize;
import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.TraceListener;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.TraceResult;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.lookup.PrintableText;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.packet.AddressText;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Linux traceroute's output: the header line, then one line per hop as soon as the hop and all
 * hops before it are complete. Lines are printed by a thread of their own so that waiting for a
 * reverse name, an AS number or a place never holds up the engine.
 */
public final class TextRenderer implements TraceListener, AutoCloseable {
  private static final Object END = new Object();

  private final PrintStream out;
  private final PrintStream err;
  private final HopFacts facts;
  private final boolean verbose;
  private final boolean back;
  private final boolean extensions;
  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  /** With --mtu: each hop's probe sizes, until its line is printed. */
  private final Map<Integer, List<ProbeSize>> sizes = new ConcurrentHashMap<>();
  private final Thread printer;
  private final AnatomyMarks anatomy = new AnatomyMarks();

  public TextRenderer(PrintStream out, PrintStream err, Optional<HopNames> names, boolean verbose) {
    this(out, err, HopFacts.names(names), verbose, false, false);
  }

  /**
   * Prints names, AS numbers and places as far as {@code facts} asks for them.
   *
   * @param back whether to mark replies whose return path looks longer or shorter than the
   *     forward one (traceroute's {@code --back})
   * @param extensions whether to print the ICMP extensions (MPLS labels) of each reply
   *     (traceroute's {@code -e})
   */
  public TextRenderer(PrintStream out, PrintStream err, HopFacts facts, boolean verbose,
      boolean back, boolean extensions) {
    this.out = out;
    this.err = err;
    this.facts = facts;
    this.verbose = verbose;
    this.back = back;
    this.extensions = extensions;
    this.printer = Thread.ofPlatform().name("hoptrace-printer").daemon().start(this::print);
  }

  @Override
  public void started(TraceRequest request, SessionInfo session) {
    anatomy.sent(request.tos());
    StringBuilder header = new StringBuilder()
        .append("hoptrace to ").append(PrintableText.of(request.hostName(), 253))
        .append(" (").append(AddressText.of(request.destination())).append("), ")
        .append(request.maxTtl()).append(" hops max, ")
        .append(request.packetLength()).append(" byte packets, ")
        .append(ProbeMethod.text(request, false)).append(", ")
        .append(session.mode().name().toLowerCase(Locale.ROOT)).append(" mode: ")
        .append(session.description());
    if (!session.limitation().isEmpty()) {
      header.append("; ").append(session.limitation());
    }
    lines.add(header.toString());
  }

  @Override
  public void probeAnswered(ProbeResult result) {
    result.responder().ifPresent(facts::prefetch);
  }

  @Override
  public void hopSizes(List<ProbeSize> hop) {
    if (!hop.isEmpty()) {
      sizes.put(hop.getFirst().ttl(), hop);
    }
  }

  @Override
  public void hopCompleted(Hop hop) {
    lines.add(hop);
  }

  @Override
  public void finished(TraceResult result) {
    lines.add(result);
    lines.add(END);
  }

  /** Waits until every line is out. */
  @Override
  public void close() throws InterruptedException {
    lines.add(END);
    printer.join();
  }

  private void print() {
    try {
      for (Object item = lines.take(); item != END; item = lines.take()) {
        if (item instanceof String header) {
          out.println(header);
        } else if (item instanceof Hop hop) {
          out.println(line(hop));
        } else if (item instanceof TraceResult result) {
          notSent(result.notSent()).ifPresent(err::println);
          if (verbose) {
            err.println(summary(result));
          }
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code "hoptrace: 2 probes could not be sent (TTL 4, 5), shown as *: no route to ..."}: the
   * stars of those probes are the local network's doing, not the path's.
   */
  static Optional<String> notSent(SendFailures failures) {
    if (failures.probes() == 0) {
      return Optional.empty();
    }
    String ttls = failures.ttls().stream().map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(", "));
    return Optional.of("hoptrace: " + failures.probes() + (failures.probes() == 1 ? " probe" : " probes")
        + " could not be sent (TTL " + ttls + "), shown as *: "
        + PrintableText.of(failures.reason().orElse("refused"), 300));
  }

  /**
   * {@code " 5  r1 (10.0.0.1)  1.234 ms r2 (10.0.0.2)  1.456 ms *"}: a responder is printed when
   * it differs from the previous one that answered in this hop, or (with {@code -e}) its MPLS
   * labels do, shown as {@code <MPLS:L=..>}, or (with {@code --back}) its return path does,
   * followed by {@code '-N'} when that is not the forward length. With {@code --mtu}, {@code
   * F=NUM} follows the first probe sent at a new, smaller path MTU, as traceroute prints it.
   */
  String line(Hop hop) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d ", hop.ttl()));
    ProbeResult previous = null;
    List<ProbeSize> hopSizes = sizes.getOrDefault(hop.ttl(), List.of());
    sizes.remove(hop.ttl());
    for (ProbeResult probe : hop.probes()) {
      String mtu = hopSizes.stream()
          .filter(p -> p.index() == probe.index() && p.dropped())
          .map(p -> " F=" + p.learnedMtu()).findFirst().orElse("");
      if (!probe.answered()) {
        line.append(" *").append(mtu);
        continue;
      }
      InetAddress responder = probe.responder().orElseThrow();
      String ext = extensions ? AnatomyMarks.extensions(probe.extensions()) : "";
      if (previous == null || !responder.equals(previous.responder().orElseThrow())
          || (back && probe.returnHops() != previous.returnHops())
          || !ext.equals(extensions ? AnatomyMarks.extensions(previous.extensions()) : "")) {
        line.append(' ').append(label(responder)).append(ext);
        if (back && probe.returnHops() > 0 && probe.returnHops() != hop.ttl()) {
          line.append(" '-").append(probe.returnHops()).append('\'');
        }
      }
      previous = probe;
      line.append(String.format(Locale.ROOT, "  %.3f ms", probe.rttMillis()));
      if (!probe.annotation().isEmpty()) {
        line.append(' ').append(probe.annotation());
      }
      line.append(mtu);
    }
    return line.append(anatomy.of(hop)).toString();
  }

  /**
   * {@code name (address)}, then {@code [AS64500]} with {@code -A} ({@code [*]} when no AS is known
   * in time, as traceroute -A prints it), then {@code {Berlin, DE}} when a place is known.
   */
  private String label(InetAddress address) {
    String numeric = AddressText.of(address);
    StringBuilder label = new StringBuilder(facts.names().isEmpty() ? numeric
        : facts.name(address).orElse(numeric) + " (" + numeric + ")");
    if (facts.asns().isPresent()) {
      label.append(" [").append(facts.as(address).map(AsInfo::label).orElse("*")).append(']');
    }
    facts.place(address).ifPresent(p -> label.append(" {").append(p.label()).append('}'));
    return label.toString();
  }

  private static String summary(TraceResult result) {
    DropCounts d = result.dropped();
    return String.format(Locale.ROOT,
        "%d probes sent in %.3f s, stopped: %s; dropped replies: %d unmatched, %d late, %d duplicate, %d malformed",
        result.probesSent(), result.elapsedNanos() / 1e9, StopReasons.label(result.stopReason()),
        d.unmatched(), d.late(), d.duplicate(), d.malformed());
  }
}
