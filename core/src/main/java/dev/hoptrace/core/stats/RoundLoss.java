package dev.hoptrace.core.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Forward and backward loss over one round (Trippy's heuristic, documented there as assuming one
 * path per round). Probes are walked in TTL order: a lost probe is FORWARD loss when at least one
 * later TTL was probed in the round and every later probe was lost too; once a round has forward
 * loss, each further lost probe is BACKWARD loss. Probes NOT_SENT are skipped: they neither count
 * as a later probe nor interrupt a run of lost ones.
 */
public final class RoundLoss {
  private RoundLoss() {}

  /**
   * @param outcomes the round's outcomes in TTL order (index 0 = first TTL)
   * @return one classification per outcome; NONE for probes that were not lost
   */
  public static LossKind[] classify(ProbeOutcome[] outcomes) {
    // Every later sent probe is lost exactly when the probe lies after the round's last answered
    // one; at least one later probe was sent when it lies before the last sent one. One pass from
    // the end finds both, so the walk is linear rather than quadratic in the path length.
    int lastAnswered = -1;
    int lastSent = -1;
    for (int i = outcomes.length - 1; i >= 0 && lastAnswered < 0; i--) {
      ProbeOutcome outcome = outcomes[i];
      if (outcome != ProbeOutcome.NOT_SENT && lastSent < 0) {
        lastSent = i;
      }
      if (outcome == ProbeOutcome.ANSWERED) {
        lastAnswered = i;
      }
    }
    LossKind[] kinds = new LossKind[outcomes.length];
    Arrays.fill(kinds, LossKind.NONE);
    boolean forwardSeen = false;
    for (int i = 0; i < outcomes.length; i++) {
      if (Objects.requireNonNull(outcomes[i], "outcome") != ProbeOutcome.LOST) {
        continue;
      }
      if (forwardSeen) {
        kinds[i] = LossKind.BACKWARD;
      } else if (i > lastAnswered && i < lastSent) {
        kinds[i] = LossKind.FORWARD;
        forwardSeen = true;
      }
    }
    return kinds;
  }
}
