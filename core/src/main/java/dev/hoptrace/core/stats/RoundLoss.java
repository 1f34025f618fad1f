package dev.hoptrace.core.stats;

/**
 * Forward and backward loss over one round (Trippy's heuristic, documented there as assuming one
 * path per round). Probes are walked in TTL order: a lost probe is FORWARD loss when at least one
 * later TTL was probed in the round and every later probe was lost too; once a round has forward
 * loss, each further lost probe is BACKWARD loss.
 */
public final class RoundLoss {
  private RoundLoss() {}

  /**
   * @param outcomes the round's outcomes in TTL order (index 0 = first TTL)
   * @return one classification per outcome; NONE for probes that were not lost
   */
  public static LossKind[] classify(ProbeOutcome[] outcomes) {
    throw new UnsupportedOperationException("TODO");
  }
}
