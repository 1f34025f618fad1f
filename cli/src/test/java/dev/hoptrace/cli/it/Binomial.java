package dev.hoptrace.cli.it;

/**
 * Exact bounds on a binomial count, for asserting random loss without flaking: the narrowest
 * central interval that holds a Binomial(n, p) count with probability at least 1 - alpha.
 */
final class Binomial {
  /**
   * A failure rate per check that will not be met in the life of the project: at a few
   * hundred checks a day, one false alarm in thousands of years of CI.
   */
  static final double ALPHA = 1e-9;

  private Binomial() {}

  /** [lo, hi]: P(X < lo) <= alpha/2 and P(X > hi) <= alpha/2 for X ~ Binomial(n, p). */
  static int[] interval(int n, double p, double alpha) {
    double[] pmf = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      pmf[k] = Math.exp(logChoose(n, k) + logPow(p, k) + logPow(1 - p, n - k));
    }
    int lo = 0;
    double tail = 0;
    while (lo < n && tail + pmf[lo] <= alpha / 2) {
      tail += pmf[lo++];
    }
    int hi = n;
    tail = 0;
    while (hi > 0 && tail + pmf[hi] <= alpha / 2) {
      tail += pmf[hi--];
    }
    return new int[] {lo, hi};
  }

  private static double logPow(double base, int exponent) {
    return exponent == 0 ? 0 : exponent * Math.log(base);
  }

  private static double logChoose(int n, int k) {
    double sum = 0;
    for (int i = 1; i <= k; i++) {
      sum += Math.log(n - k + i) - Math.log(i);
    }
    return sum;
  }
}
