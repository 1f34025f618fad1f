package dev.hoptrace.core.stats;

/**
 * A hop's jitter figures in milliseconds, from the differences between consecutive RTTs of
 * answered probes (J = |RTTₙ − RTTₙ₋₁|). Undefined (NaN) until a hop has two replies: the first
 * reply has no predecessor, so it contributes no difference.
 *
 * @param jitter the newest J (mtr's Jttr)
 * @param javg the mean of all J (Javg)
 * @param jmax the largest J (Jmax)
 * @param jint the RFC 3550 §6.4.1 interarrival jitter estimator over J: jint += (J − jint) / 16
 */
public record JitterSummary(double jitter, double javg, double jmax, double jint) {
  public static final JitterSummary NONE =
      new JitterSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
