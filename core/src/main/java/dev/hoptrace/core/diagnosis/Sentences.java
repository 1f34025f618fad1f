package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.Locale;
import java.util.Optional;

/** The one sentence of each finding, with the numbers it rests on. */
final class Sentences {
  private Sentences() {}

  static String silentHop(HopSnapshot hop) {
    return "hop " + hop.ttl() + " never answers (a silent router); the path continues beyond it";
  }

  static String unreachable(HopSnapshot hop, boolean destination) {
    return hopName(hop, destination) + " answers "
        + UnreachableMeaning.describe(hop.annotation());
  }

  static String destinationSilent(TraceRequest request, int firstSilentTtl) {
    return "the destination " + DestinationAdvice.unanswered(request)
        + " and nothing answers from hop " + firstSilentTtl + " on (a firewall may drop them); "
        + DestinationAdvice.alternative(request);
  }

  static String notSent(long n, String reason) {
    return n + (n == 1 ? " probe" : " probes") + " could not be sent from this machine ("
        + reason + "); the table counts "
        + (n == 1 ? "it" : "them") + " as lost, the findings leave " + (n == 1 ? "it" : "them")
        + " out";
  }

  static String clean(HopSnapshot destination) {
    return "the destination (hop " + destination.ttl() + ") answered all " + destination.sent()
        + " probes: the path does not lose your traffic";
  }

  static String forwardLoss(ForwardLossRule.ForwardLoss loss) {
    HopSnapshot start = loss.start();
    HopSnapshot end = loss.end();
    String cause = "traffic is lost on the link before hop " + start.ttl() + " or at hop "
        + start.ttl();
    if (start.ttl() == end.ttl()) {
      return "loss starts at the destination (hop " + start.ttl() + ", " + percent(start)
          + "): probes are lost on the link before it or the destination limits its replies";
    }
    String reach = loss.endIsDestination()
        ? "the destination (" + percent(end) + ")"
        : "hop " + end.ttl() + " (" + percent(end) + "), the last that answers";
    return "loss starts at hop " + start.ttl() + " (" + percent(start) + ") and continues to "
        + reach + ": " + cause;
  }

  /**
   * @param witness the later hop with the lowest loss
   * @param laterLossFree whether no later hop lost anything
   * @param check the hop's direct check, if one was made
   */
  static String rateLimited(HopSnapshot hop, HopSnapshot witness, boolean laterLossFree,
      Optional<DirectCheck> check) {
    String observed = "hop " + hop.ttl() + " loses " + percent(hop) + " but "
        + (laterLossFree ? "later hops do not"
            : "hop " + witness.ttl() + (witness.lost() == 0 ? " loses none"
                : " loses only " + percent(witness)));
    String verdict = "that router rate-limits its ICMP replies, not your traffic";
    if (check.isEmpty() || check.get().sent() == 0) {
      return observed + ": " + verdict;
    }
    DirectCheck direct = check.get();
    String counts = direct.answered() + " of " + direct.sent()
        + " echo requests sent to it directly";
    if (nearlyAll(direct)) {
      return "confirmed: " + observed + ", and it answered " + counts + ", so " + verdict;
    }
    if (!LossComparison.clearlyLower(direct.sent() - direct.answered(), direct.sent(),
        hop.lost(), hop.sent())) {
      return observed + ", so it probably rate-limits its ICMP replies; yet it also lost "
          + (direct.sent() - direct.answered()) + " of " + direct.sent()
          + " echo requests sent to it directly, so this is not confirmed";
    }
    return observed + ": " + verdict + " (it answered " + counts + ")";
  }

  /** At least 90% answered: a lost echo or two is ordinary and does not weaken the claim. */
  private static boolean nearlyAll(DirectCheck check) {
    return check.answered() * 10L >= check.sent() * 9L;
  }

  private static String hopName(HopSnapshot hop, boolean destination) {
    return destination ? "hop " + hop.ttl() + " (the destination)" : "hop " + hop.ttl();
  }

  /** Whole percentages as such ("40%"), others to one decimal ("33.3%"). */
  static String percent(HopSnapshot hop) {
    double p = hop.lossPercent();
    double rounded = Math.rint(p);
    return Math.abs(p - rounded) < 0.05
        ? String.format(Locale.ROOT, "%.0f%%", rounded)
        : String.format(Locale.ROOT, "%.1f%%", p);
  }
}
