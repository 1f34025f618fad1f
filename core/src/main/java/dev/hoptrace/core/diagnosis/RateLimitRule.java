package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.Optional;

/**
 * Loss at a hop that some later hop does not show. Probes to the later hop pass through this one,
 * so the traffic got through: what went missing were this router's own ICMP replies, which
 * routers commonly rate-limit (Linux's icmp_ratelimit, control-plane policing).
 */
final class RateLimitRule {
  private RateLimitRule() {}

  /**
   * The later hop that shows the lowest loss, if this hop's loss is clearly above it; empty when
   * the hop has too few probes, no loss, or no reply at all (a silent hop is its own finding).
   */
  static Optional<HopSnapshot> witness(Path path, int index) {
    HopSnapshot hop = path.get(index);
    if (!LossComparison.comparable(hop) || hop.lost() == 0) {
      return Optional.empty();
    }
    HopSnapshot best = null;
    for (int j = index + 1; j < path.size(); j++) {
      HopSnapshot later = path.get(j);
      if (LossComparison.comparable(later) && LossComparison.clearlyLower(later, hop)
          && (best == null || later.lossPercent() < best.lossPercent())) {
        best = later;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether every comparable hop after {@code index} lost nothing. */
  static boolean laterHopsLossFree(Path path, int index) {
    for (int j = index + 1; j < path.size(); j++) {
      HopSnapshot later = path.get(j);
      if (LossComparison.comparable(later) && later.lost() > 0) {
        return false;
      }
    }
    return true;
  }
}
