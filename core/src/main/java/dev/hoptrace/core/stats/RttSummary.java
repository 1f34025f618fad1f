package dev.hoptrace.core.stats;

/**
 * A hop's RTT figures in milliseconds, as mtr's columns name them. NaN where a figure is not yet
 * defined (no reply; StDev needs two).
 *
 * @param last newest RTT
 * @param avg mean RTT
 * @param best smallest RTT
 * @param worst largest RTT
 * @param stdev sample standard deviation (n − 1 denominator)
 */
public record RttSummary(double last, double avg, double best, double worst, double stdev) {
  public static final RttSummary NONE =
      new RttSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
