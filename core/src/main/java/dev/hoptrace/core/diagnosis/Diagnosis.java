package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.SendFailures;
import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.diagnosis.Finding.Kind;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a continuous trace's statistics and says what they mean. Pure: no probing, no state.
 *
 * <p>Loss findings need at least {@link LossComparison#MIN_SENT} probes at the hops concerned and
 * differences beyond chance ({@link LossComparison}); with less data the diagnosis stays silent
 * rather than guess. Findings come in TTL order, followed by those about the path as a whole.
 */
public final class Diagnosis {
  private Diagnosis() {}

  /**
   * @param request the trace (protocol and port shape the advice for a silent destination)
   * @param hops the hops in TTL order, up to the destination or the last hop probed
   * @param checks direct checks of suspect hops by TTL (may be empty)
   * @return the findings, each with one sentence for the user; empty when nothing can be said yet
   */
  public static List<Finding> of(TraceRequest request, List<HopSnapshot> hops,
      Map<Integer, DirectCheck> checks) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(checks, "checks");
    Path path = Path.of(hops);
    Optional<ForwardLossRule.ForwardLoss> forward = ForwardLossRule.find(path);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      HopSnapshot hop = path.get(i);
      if (!hop.annotation().isEmpty()) {
        findings.add(new Finding(Kind.UNREACHABLE, hop.ttl(),
            Sentences.unreachable(hop, path.isDestination(i))));
      }
      if (hop.silent() && hop.sent() >= LossComparison.MIN_SENT && path.answeredAfter(i)) {
        findings.add(new Finding(Kind.SILENT_HOP, hop.ttl(), Sentences.silentHop(hop)));
      }
      Optional<HopSnapshot> witness = RateLimitRule.witness(path, i);
      if (witness.isPresent()) {
        findings.add(new Finding(Kind.RATE_LIMITED, hop.ttl(),
            Sentences.rateLimited(hop, witness.get(), RateLimitRule.laterHopsLossFree(path, i),
                Optional.ofNullable(checks.get(hop.ttl())))));
      }
      if (forward.isPresent() && forward.get().start().ttl() == hop.ttl()) {
        findings.add(new Finding(Kind.FORWARD_LOSS, hop.ttl(),
            Sentences.forwardLoss(forward.get())));
      }
    }
    destinationSilent(request, path).ifPresent(findings::add);
    clean(path).ifPresent(findings::add);
    return List.copyOf(findings);
  }

  /**
   * The same, for a run in which this machine could not send some probes (a route removed, an
   * interface down): they count as lost in the hops' figures, but say nothing about the path, so
   * the findings rest on the probes that went out, after one that says what happened.
   */
  public static List<Finding> of(TraceRequest request, List<HopSnapshot> hops,
      Map<Integer, DirectCheck> checks, SendFailures notSent) {
    if (notSent.probes() == 0) {
      return of(request, hops, checks);
    }
    List<HopSnapshot> sentOnly = hops.stream().map(h -> withoutUnsent(h, notSent.at(h.ttl())))
        .toList();
    // Refused probes past the hops shown (while the path's end was being sought) are left out.
    long shown = 0;
    for (int i = 0; i < hops.size(); i++) {
      shown += hops.get(i).sent() - sentOnly.get(i).sent();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(new Finding(Kind.NOT_SENT, 0,
        Sentences.notSent(shown, notSent.reason().orElse("refused"))));
    findings.addAll(of(request, sentOnly, checks));
    return List.copyOf(findings);
  }

  private static HopSnapshot withoutUnsent(HopSnapshot hop, long unsent) {
    long sent = hop.sent() - Math.min(unsent, hop.lost());
    return new HopSnapshot(hop.ttl(), sent, hop.received(), hop.rtt(), hop.jitter(),
        hop.forwardLoss(), hop.backwardLoss(), hop.responders(), hop.samples(), hop.annotation(),
        hop.destination());
  }

  /**
   * Hops whose loss does not continue to later hops: worth probing directly. These are exactly
   * the hops {@link #of} reports as {@link Kind#RATE_LIMITED}.
   */
  public static List<HopSnapshot> suspects(List<HopSnapshot> hops) {
    Path path = Path.of(hops);
    List<HopSnapshot> suspects = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      if (RateLimitRule.witness(path, i).isPresent()) {
        suspects.add(path.get(i));
      }
    }
    return List.copyOf(suspects);
  }

  /** The destination never answered and the last hops are silent, with enough probes to say so. */
  private static Optional<Finding> destinationSilent(TraceRequest request, Path path) {
    if (path.reached() || path.size() == 0) {
      return Optional.empty();
    }
    HopSnapshot last = path.get(path.size() - 1);
    if (!last.silent() || last.sent() < LossComparison.MIN_SENT) {
      return Optional.empty();
    }
    int firstSilentTtl = path.get(path.silentTail()).ttl();
    return Optional.of(new Finding(Kind.DESTINATION_SILENT, 0,
        Sentences.destinationSilent(request, firstSilentTtl)));
  }

  /** The destination answered every one of enough probes. */
  private static Optional<Finding> clean(Path path) {
    if (!path.reached()) {
      return Optional.empty();
    }
    HopSnapshot destination = path.get(path.destination());
    if (destination.sent() < LossComparison.MIN_SENT || destination.lost() > 0) {
      return Optional.empty();
    }
    return Optional.of(new Finding(Kind.CLEAN, 0, Sentences.clean(destination)));
  }
}
