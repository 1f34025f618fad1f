package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.stats.HopSnapshot;

/**
 * When two loss figures differ by more than chance: the statistics behind every loss finding.
 *
 * <p>Each hop's loss is a proportion of a few dozen probes at most, so two hops with the same true
 * loss routinely show different percentages (1 lost of 10 against 0 of 10 means nothing). Rules
 * therefore compare hops with a pooled two-proportion z-test and call a difference real only
 * beyond {@link #Z} standard errors.
 */
final class LossComparison {
  /**
   * Probes a hop needs before its loss is judged at all. Below five, one lost probe is already
   * 20% or more and the normal approximation behind the test says nothing; mtr's default report
   * (10 cycles) clears it, and a live view waits five rounds before drawing conclusions.
   */
  static final int MIN_SENT = 5;

  /**
   * Standard errors a difference must exceed: about 95% confidence (1.96 two-sided), rounded up
   * because a diagnosis makes many comparisons per path and a false finding costs the user more
   * than a late one.
   */
  static final double Z = 2.0;

  private LossComparison() {}

  /** A hop whose loss can be compared: enough probes, and at least one reply (not silent). */
  static boolean comparable(HopSnapshot hop) {
    return hop.sent() >= MIN_SENT && hop.received() > 0;
  }

  /**
   * True when hop {@code low} loses clearly less than hop {@code high}: beyond chance, and by at
   * least half. The second condition matters because a path is many comparisons at once: on a
   * link that loses 19 % for every later hop, one of several later hops dips 2 standard errors
   * below the first in about 4 % of 200-round reports (measured in the lab), which would call the
   * first hop rate-limiting. A router that limits its replies loses far more than the hops behind
   * it, so halving costs nothing there.
   */
  static boolean clearlyLower(HopSnapshot low, HopSnapshot high) {
    return clearlyLower(low.lost(), low.sent(), high.lost(), high.sent())
        && 2 * low.lossPercent() <= high.lossPercent();
  }

  /** True when {@code lostA / sentA} is clearly below {@code lostB / sentB}; both sent > 0. */
  static boolean clearlyLower(long lostA, long sentA, long lostB, long sentB) {
    double pa = (double) lostA / sentA;
    double pb = (double) lostB / sentB;
    double pooled = (double) (lostA + lostB) / (sentA + sentB);
    double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / sentA + 1.0 / sentB));
    // With no loss (or only loss) on both sides the error is 0 and so is the difference.
    return pb - pa > Z * standardError;
  }
}
