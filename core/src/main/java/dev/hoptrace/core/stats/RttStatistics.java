package dev.hoptrace.core.stats;

/**
 * Last, best, worst, mean and standard deviation of a stream of RTTs in constant memory.
 *
 * <p>Mean and variance use Welford's textbook update (δ = x − mean; mean += δ/n;
 * M2 += δ·(x − mean)), which stays accurate over millions of samples where a running sum of
 * squares would cancel catastrophically. Not Trippy's variant, which under-states the deviation.
 */
final class RttStatistics {
  private long count;
  private double mean;
  private double m2;
  private double last = Double.NaN;
  private double best = Double.NaN;
  private double worst = Double.NaN;

  void add(double rttMillis) {
    count++;
    double delta = rttMillis - mean;
    mean += delta / count;
    m2 += delta * (rttMillis - mean);
    last = rttMillis;
    // NaN compares false both ways, so the first sample always lands.
    best = count == 1 ? rttMillis : Math.min(best, rttMillis);
    worst = count == 1 ? rttMillis : Math.max(worst, rttMillis);
  }

  long count() {
    return count;
  }

  /** Sample standard deviation (n − 1 denominator); NaN below two samples. */
  double stdev() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }

  RttSummary summary() {
    return count == 0 ? RttSummary.NONE : new RttSummary(last, mean, best, worst, stdev());
  }

  void reset() {
    count = 0;
    mean = 0;
    m2 = 0;
    last = Double.NaN;
    best = Double.NaN;
    worst = Double.NaN;
  }
}
