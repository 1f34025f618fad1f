package dev.hoptrace.cli.live;

import dev.hoptrace.core.DropCounts;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Finding;
import dev.hoptrace.core.live.LiveControl;
import dev.hoptrace.core.live.LiveSnapshot;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.JitterSummary;
import dev.hoptrace.core.stats.ResponderShare;
import dev.hoptrace.core.stats.RttSummary;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Snapshots of a made-up path to example.com, built directly (no statistics engine): a clean
 * start, a rate-limited hop, a silent hop, a load-balanced hop with MPLS labels, the destination.
 */
final class Fixtures {
  static final InetAddress DESTINATION = ip("93.184.216.34");
  static final InetAddress BALANCED_A = ip("203.0.113.5");
  static final InetAddress BALANCED_B = ip("203.0.113.6");

  /** Reverse names of some hops, as a resolver would have them. */
  static final Map<InetAddress, String> NAMES = Map.of(
      ip("192.168.1.1"), "gateway.home.example",
      BALANCED_A, "core1.transit.example.net",
      DESTINATION, "example.com");

  static final KnownNames KNOWN = a -> Optional.ofNullable(NAMES.get(a));

  private Fixtures() {}

  static InetAddress ip(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static TraceRequest request(String host, InetAddress destination) {
    return TraceRequest.to(destination).hostName(host).protocol(Protocol.ICMP).build();
  }

  static SessionInfo session() {
    return new SessionInfo(ProbeMode.RAW, "ICMP echo over raw sockets", "", ip("192.168.1.20"),
        true);
  }

  static LiveSnapshot path() {
    return path(20, Optional.empty());
  }

  /** The path after {@code rounds} rounds, every hop with the same samples seed. */
  static LiveSnapshot path(int rounds, Optional<String> problem) {
    Random random = new Random(rounds);
    List<HopSnapshot> hops = new ArrayList<>();
    hops.add(hop(1, rounds, 0, 0.6, random, responder("192.168.1.1", rounds)));
    hops.add(hop(2, rounds, 0, 8.2, random, responder("10.20.0.1", rounds)));
    hops.add(hop(3, rounds, rounds * 2 / 5, 9.7, random, responder("100.64.0.1", rounds - rounds * 2 / 5)));
    hops.add(silent(4, rounds));
    int a = rounds * 3 / 5;
    hops.add(hop(5, rounds, 0, 24.5, random,
        new ResponderShare(BALANCED_A, a, mpls(new MplsLabelStackEntry(100, 0, false, 1),
            new MplsLabelStackEntry(24001, 0, true, 1))),
        new ResponderShare(BALANCED_B, rounds - a, mpls(new MplsLabelStackEntry(101, 0, true, 1)))));
    hops.add(hop(6, rounds, 0, 25.1, random, responder("198.51.100.1", rounds)));
    hops.add(destination(7, rounds, random));
    List<Finding> findings = List.of(
        new Finding(Finding.Kind.RATE_LIMITED, 3,
            "hop 3 loses 40% but later hops do not: the router limits its ICMP replies,"
                + " your traffic passes"),
        new Finding(Finding.Kind.SILENT_HOP, 4,
            "hop 4 never answers while the path beyond it does: it does not send Time Exceeded"));
    return new LiveSnapshot(request("example.com", DESTINATION), session(), rounds, hops, 7,
        DropCounts.NONE, problem, false, false, rounds * 1_000_000_000L, findings);
  }

  static ResponderShare responder(String address, long replies) {
    return new ResponderShare(ip(address), replies, IcmpExtensions.NONE);
  }

  static IcmpExtensions mpls(MplsLabelStackEntry... labels) {
    return new IcmpExtensions(List.of(labels), List.of(), List.of());
  }

  /** A hop answering all but {@code lost} of {@code sent} probes around {@code base} ms. */
  static HopSnapshot hop(int ttl, long sent, long lost, double base, Random random,
      ResponderShare... responders) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < Math.min(sent, 100); i++) {
      // The lost probes spread over the window: every few samples one is missing.
      boolean isLost = lost > 0 && i % Math.max(1, (int) (sent / lost)) == 1;
      samples.add(isLost ? Double.NaN : base + random.nextDouble() * base * 0.3);
    }
    return stats(ttl, sent, sent - lost, samples, List.of(responders), "", false);
  }

  static HopSnapshot silent(int ttl, long sent) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < Math.min(sent, 100); i++) {
      samples.add(Double.NaN);
    }
    return new HopSnapshot(ttl, sent, 0, RttSummary.NONE, JitterSummary.NONE, 0, 0, List.of(),
        samples, "", false);
  }

  static HopSnapshot destination(int ttl, long sent, Random random) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < Math.min(sent, 100); i++) {
      samples.add(30 + random.nextDouble() * 6);
    }
    return stats(ttl, sent, sent, samples,
        List.of(new ResponderShare(DESTINATION, sent, IcmpExtensions.NONE)), "", true);
  }

  /** Figures computed from the samples, as the statistics would have them. */
  static HopSnapshot stats(int ttl, long sent, long received, List<Double> samples,
      List<ResponderShare> responders, String annotation, boolean destination) {
    double sum = 0;
    double best = Double.NaN;
    double worst = Double.NaN;
    double last = Double.NaN;
    double previous = Double.NaN;
    double jitter = Double.NaN;
    double jsum = 0;
    double jmax = Double.NaN;
    double jint = 0;
    int n = 0;
    int jn = 0;
    for (double s : samples) {
      if (Double.isNaN(s)) {
        continue;
      }
      sum += s;
      n++;
      best = Double.isNaN(best) ? s : Math.min(best, s);
      worst = Double.isNaN(worst) ? s : Math.max(worst, s);
      last = s;
      if (!Double.isNaN(previous)) {
        jitter = Math.abs(s - previous);
        jsum += jitter;
        jn++;
        jmax = Double.isNaN(jmax) ? jitter : Math.max(jmax, jitter);
        jint += (jitter - jint) / 16;
      }
      previous = s;
    }
    double avg = n == 0 ? Double.NaN : sum / n;
    double m2 = 0;
    for (double s : samples) {
      if (!Double.isNaN(s)) {
        m2 += (s - avg) * (s - avg);
      }
    }
    RttSummary rtt = new RttSummary(last, avg, best, worst, n > 1 ? Math.sqrt(m2 / (n - 1))
        : Double.NaN);
    JitterSummary jit = jn == 0 ? JitterSummary.NONE
        : new JitterSummary(jitter, jsum / jn, jmax, jint);
    return new HopSnapshot(ttl, sent, received, rtt, jit, 0, 0, responders, samples, annotation,
        destination);
  }

  /** A target whose snapshot the test sets. */
  static final class FakeTarget implements LiveTarget {
    private final String label;
    private final LiveControl control = new LiveControl();
    private volatile LiveSnapshot latest;
    private volatile Optional<String> failure = Optional.empty();

    FakeTarget(String label, LiveSnapshot latest) {
      this.label = label;
      this.latest = latest;
    }

    void publish(LiveSnapshot snapshot) {
      latest = snapshot;
    }

    void fail(String message) {
      failure = Optional.of(message);
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public LiveSnapshot latest() {
      return latest;
    }

    @Override
    public LiveControl control() {
      return control;
    }

    @Override
    public Optional<String> failure() {
      return failure;
    }
  }
}
