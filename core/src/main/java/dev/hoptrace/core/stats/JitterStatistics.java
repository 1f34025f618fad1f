package dev.hoptrace.core.stats;

/**
 * Jitter of a stream of answered RTTs in constant memory: J = |RTTₙ − RTTₙ₋₁| between consecutive
 * replies, with its newest value, mean, maximum and the RFC 3550 §6.4.1 estimator.
 *
 * <p>The first reply has no predecessor and contributes no J (Trippy instead takes the previous
 * RTT as 0, so its jitter figures absorb the first RTT). Lost probes are not fed here, so a loss
 * between two replies does not break the chain.
 */
final class JitterStatistics {
  /** RFC 3550 §6.4.1: the estimator's gain of 1/16, chosen there for noise reduction. */
  private static final double GAIN = 16;

  private double previous = Double.NaN;
  private long count;
  private double jitter;
  private double javg;
  private double jmax;
  private double jint;

  void add(double rttMillis) {
    if (!Double.isNaN(previous)) {
      double j = Math.abs(rttMillis - previous);
      count++;
      jitter = j;
      javg += (j - javg) / count;
      jmax = Math.max(jmax, j);
      // Floating point, not RFC 1889's scaled integer form: no rounding to whole milliseconds.
      jint += (j - jint) / GAIN;
    }
    previous = rttMillis;
  }

  JitterSummary summary() {
    return count == 0 ? JitterSummary.NONE : new JitterSummary(jitter, javg, jmax, jint);
  }

  void reset() {
    previous = Double.NaN;
    count = 0;
    jitter = 0;
    javg = 0;
    jmax = 0;
    jint = 0;
  }
}
