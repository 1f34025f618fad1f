package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.Optional;

/**
 * Loss that starts at a hop and carries on to the last hop that answers: probes to every later hop
 * cross the same link, so loss there is loss of traffic, not of one router's replies.
 *
 * <p>Hop k starts forward loss when, over the comparable hops (enough probes, not silent):
 * <ol>
 *   <li>k loses probes, and so does the last comparable hop (the destination when reached);
 *   <li>no later hop loses clearly less than k (that would make k a rate-limited hop instead);
 *   <li>the loss pooled over k and the later hops is clearly above the least lossy hop before k.
 *       This is what keeps one stray lost probe from being called a broken link. Before the first
 *       hop the rule assumes a loss-free hop with as many probes as k.
 * </ol>
 * Only the first such k is reported: the later hops are the same loss seen further on. A lossy
 * last hop counts only if it is the destination, because past the last router that answers there
 * is nothing to tell lost traffic from limited replies.
 */
final class ForwardLossRule {

  /** Where the loss starts and the last hop that still shows it. */
  record ForwardLoss(HopSnapshot start, HopSnapshot end, boolean endIsDestination) {}

  private ForwardLossRule() {}

  static Optional<ForwardLoss> find(Path path) {
    int last = path.lastComparable();
    if (last < 0 || path.get(last).lost() == 0) {
      return Optional.empty();
    }
    for (int k = 0; k <= last; k++) {
      HopSnapshot start = path.get(k);
      if (!LossComparison.comparable(start) || start.lost() == 0) {
        continue;
      }
      if (k == last && !path.isDestination(k)) {
        return Optional.empty();
      }
      if (continues(path, k, last) && aboveBaseline(path, k, last)) {
        return Optional.of(new ForwardLoss(start, path.get(last), path.isDestination(last)));
      }
    }
    return Optional.empty();
  }

  private static boolean continues(Path path, int k, int last) {
    for (int j = k + 1; j <= last; j++) {
      HopSnapshot later = path.get(j);
      if (LossComparison.comparable(later) && LossComparison.clearlyLower(later, path.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean aboveBaseline(Path path, int k, int last) {
    long lost = 0;
    long sent = 0;
    for (int j = k; j <= last; j++) {
      HopSnapshot hop = path.get(j);
      if (LossComparison.comparable(hop)) {
        lost += hop.lost();
        sent += hop.sent();
      }
    }
    HopSnapshot baseline = null;
    for (int j = 0; j < k; j++) {
      HopSnapshot before = path.get(j);
      if (LossComparison.comparable(before)
          && (baseline == null || before.lossPercent() < baseline.lossPercent())) {
        baseline = before;
      }
    }
    long baseLost = baseline == null ? 0 : baseline.lost();
    long baseSent = baseline == null ? path.get(k).sent() : baseline.sent();
    return LossComparison.clearlyLower(baseLost, baseSent, lost, sent);
  }
}
