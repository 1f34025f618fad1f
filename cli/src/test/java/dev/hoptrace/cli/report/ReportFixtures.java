package dev.hoptrace.cli.report;

import dev.hoptrace.cli.render.HopFacts;
import dev.hoptrace.cli.render.HopLookup;
import dev.hoptrace.cli.render.HopNames;
import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.core.stats.RttSummary;
import dev.hoptrace.lookup.asn.AsInfo;
import dev.hoptrace.lookup.geo.Place;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Two finished targets built by hand: figures chosen here, so tests compare output with these
 * numbers, never with earlier output.
 *
 * <p>dst.lab (UDP, raw, reached at hop 4): hop 1 clean, hop 2 silent, hop 3 two responders (6 + 2
 * of 8 replies, the first with a two-label MPLS stack, both with hostile names), hop 4 the
 * destination. gw.lab (IPv6, ICMP, unprivileged, not reached): hop 2 answers !H once.
 */
final class ReportFixtures {
  static final Instant START = Instant.parse("2026-03-01T09:00:00.123456Z");
  /** A comma and quotes: legal in a CSV field only when quoted. */
  static final String COMMA_NAME = "core,\"a\".lab";
  /** Terminal escape, bell and newline: must never reach a terminal or a CSV file raw. */
  static final String HOSTILE_NAME = "evil\u001b]0;pwned\u0007\nx.lab";
  static final String HOSTILE_NAME_PRINTED = "evil?]0;pwned??x.lab";

  static final MplsLabelStackEntry OUTER = new MplsLabelStackEntry(24001, 0, false, 254);
  static final MplsLabelStackEntry INNER = new MplsLabelStackEntry(16, 5, true, 1);

  private ReportFixtures() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static ResponderShare responder(String address, long replies, MplsLabelStackEntry... labels) {
    return new ResponderShare(ip(address), replies,
        new IcmpExtensions(List.of(labels), List.of(), List.of()));
  }

  static HopSnapshot hop(int ttl, long sent, long received, RttSummary rtt, JitterSummary jitter,
      long floss, long bloss, List<ResponderShare> responders, String annotation,
      boolean destination) {
    return new HopSnapshot(ttl, sent, received, rtt, jitter, floss, bloss, responders, List.of(),
        annotation, destination);
  }

  static LiveSnapshot reached() {
    TraceRequest request = TraceRequest.to(ip("198.18.7.2")).hostName("dst.lab").build();
    SessionInfo session = new SessionInfo(ProbeMode.RAW, "raw IPv4 socket, ICMP via raw socket",
        "", ip("198.18.1.2"), true);
    List<HopSnapshot> hops = List.of(
        hop(1, 10, 10, new RttSummary(1.234, 1.512, 1.012, 2.251, 0.318),
            new JitterSummary(0.204, 0.331, 0.912, 0.257), 0, 0,
            List.of(responder("10.0.0.1", 10)), "", false),
        hop(2, 10, 0, RttSummary.NONE, JitterSummary.NONE, 0, 0, List.of(), "", false),
        hop(3, 10, 8, new RttSummary(12.345, 11.876, 10.5, 14.25, 1.234),
            new JitterSummary(0.5, 0.75, 2.0, 0.6), 2, 1,
            List.of(responder("10.0.0.3", 6, OUTER, INNER), responder("10.0.0.33", 2)), "",
            false),
        hop(4, 10, 10, new RttSummary(20.111, 20.456, 19.987, 21.999, 0.612),
            new JitterSummary(0.1, 0.2, 0.4, 0.15), 0, 0,
            List.of(responder("198.18.7.2", 10)), "", true));
    List<Finding> findings = List.of(
        new Finding(Finding.Kind.SILENT_HOP, 2, "hop 2 never answers; later hops do"),
        new Finding(Finding.Kind.RATE_LIMITED, 3, "hop 3 limits its ICMP replies"),
        new Finding(Finding.Kind.CLEAN, 0, "the destination answers every probe"));
    return new LiveSnapshot(request, session, 10, hops, 4, new DropCounts(1, 0, 2, 0),
        Optional.empty(), false, true, 9_876_543_210L, findings);
  }

  static LiveSnapshot unreachable() {
    TraceRequest request = TraceRequest.to(ip("2001:db8::99")).hostName("gw.lab")
        .protocol(Protocol.ICMP).build();
    SessionInfo session = new SessionInfo(ProbeMode.UNPRIVILEGED, "ICMP datagram socket",
        "cannot see the quoted IP header", ip("::"), false);
    List<HopSnapshot> hops = List.of(
        hop(1, 5, 5, new RttSummary(0.5, 0.6, 0.4, 0.9, 0.2),
            new JitterSummary(0.1, 0.1, 0.2, 0.1), 0, 0,
            List.of(responder("2001:db8::1", 5)), "", false),
        hop(2, 5, 1, new RttSummary(5.0, 5.0, 5.0, 5.0, Double.NaN), JitterSummary.NONE, 4, 0,
            List.of(responder("2001:db8::2", 1)), "!H", false));
    List<Finding> findings = List.of(
        new Finding(Finding.Kind.UNREACHABLE, 2, "hop 2 answers host unreachable (!H)"));
    return new LiveSnapshot(request, session, 5, hops, 0, DropCounts.NONE, Optional.empty(),
        false, true, 5_000_000_000L, findings);
  }

  /** A target stopped before any round: no hops, no findings. */
  static LiveSnapshot empty() {
    TraceRequest request = TraceRequest.to(ip("198.18.9.9")).build();
    SessionInfo session = new SessionInfo(ProbeMode.RAW, "raw", "", ip("0.0.0.0"), true);
    return new LiveSnapshot(request, session, 0, List.of(), 0, DropCounts.NONE,
        Optional.of("sendto: network is unreachable"), false, true, 0, List.of());
  }

  static Report report(LiveSnapshot... targets) {
    return new Report(START, "tester", List.of(targets));
  }

  /** Names for dst.lab's responders; gw.lab's have none. */
  static Optional<HopNames> names() {
    Map<InetAddress, String> names = Map.of(
        ip("10.0.0.1"), "r1.lab",
        ip("10.0.0.3"), COMMA_NAME,
        ip("10.0.0.33"), HOSTILE_NAME,
        ip("198.18.7.2"), "dst.lab");
    return Optional.of(new HopNames(
        a -> CompletableFuture.completedFuture(Optional.ofNullable(names.get(a))),
        Duration.ofSeconds(1)));
  }

  /** An AS name with a terminal escape: the lookup makes it printable before any renderer. */
  static final String HOSTILE_AS_NAME = "CORE\u001b]0;pwned\u0007 Net";

  /**
   * {@link #names()}, and AS numbers and places as -A and --geo-db would find them: 10.0.0.1 in
   * AS64500 (Berlin), 10.0.0.3 in AS64501 with a hostile name, 10.0.0.33 in a 32-bit AS (the
   * widest label), the destination in none; gw.lab's responders unknown.
   */
  static HopFacts facts() {
    Map<InetAddress, AsInfo> asns = Map.of(
        ip("10.0.0.1"), new AsInfo(64500, "10.0.0.0/24", "DE", "ripencc", "ACCESS Example"),
        ip("10.0.0.3"), new AsInfo(64501, "10.0.0.0/26", "", "", HOSTILE_AS_NAME),
        ip("10.0.0.33"), AsInfo.of(4_200_000_000L));
    Map<InetAddress, Place> places = Map.of(
        ip("10.0.0.1"), new Place("DE", "Germany", "Berlin"),
        ip("10.0.0.33"), new Place("", "Atlantis", ""));
    return new HopFacts(names(), Optional.of(lookup(asns)), Optional.of(lookup(places)));
  }

  private static <V> HopLookup<V> lookup(Map<InetAddress, V> known) {
    return new HopLookup<>(
        a -> CompletableFuture.completedFuture(Optional.ofNullable(known.get(a))),
        Duration.ofSeconds(1));
  }

  /** What {@code renderer} prints for {@code report}, decoded as UTF-8. */
  static String render(ReportRenderer renderer, Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    renderer.render(report, new PrintStream(bytes, false, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
