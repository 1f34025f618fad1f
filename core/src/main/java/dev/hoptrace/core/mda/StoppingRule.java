package dev.hoptrace.core.mda;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The MDA's stopping rule: how many flows must pass a vertex without showing a new next hop before
 * the hypothesis "there is one more next hop" is rejected at a given confidence.
 *
 * <p>With k next hops seen, n_k is the smallest n for which n flows spread uniformly over k + 1
 * next hops miss at least one of them with probability at most α = 1 − confidence. By
 * inclusion–exclusion, with K = k + 1,
 *
 * <pre>
 *   P_miss(K, n) = Σ_{j=1..K−1} (−1)^{j+1} · C(K, j) · ((K − j) / K)^n
 * </pre>
 *
 * <p>The alternating sum cancels badly in floating point once K grows, so it is never summed
 * blindly. The search starts at the union-bound answer (the first term alone, which bounds P from
 * above, so n_k is never larger) and searches down from there, P_miss falling as n grows. Each test
 * uses the Bonferroni inequalities: partial sums ending on an odd term bound P from above, on an
 * even term from below. Near n_k the terms fall by a factor of about α/2 each, so a few terms
 * decide, and the doubles involved carry no cancellation. Only when P lies within a relative
 * 1e-9 of α (k = 1071 at 95 % comes within 6e-10) does the test repeat in exact integers.
 *
 * <p>The result reproduces the published tables (scamper's, the E2EMON paper's 95 % row) exactly;
 * the union bound alone gives one flow more at 95 % for k = 7, 8, 13, 16.
 */
public final class StoppingRule {
  /** Relative margin inside which a double comparison with α is not trusted. */
  private static final double MARGIN = 1e-9;

  private final double confidence;
  private final double alpha;
  private final BigDecimal exactAlpha;
  /** n_k for k = 1..cached.length, computed on demand. */
  private int[] cached = new int[0];

  private StoppingRule(double confidence) {
    this.confidence = confidence;
    // 1 − 0.95 is 0.050000000000000044 in binary; the exact test uses the decimal the user meant.
    this.exactAlpha = BigDecimal.ONE.subtract(new BigDecimal(Double.toString(confidence)));
    this.alpha = exactAlpha.doubleValue();
  }

  /** The rule for a confidence strictly between 0 and 1, e.g. 0.95 or 0.99. */
  public static StoppingRule of(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must lie strictly between 0 and 1 (e.g. 0.95), not " + confidence);
    }
    return new StoppingRule(confidence);
  }

  public double confidence() {
    return confidence;
  }

  /** α = 1 − confidence: the chance, per vertex tested, of stopping with a next hop unseen. */
  public double alpha() {
    return alpha;
  }

  /** n_k: flows through a vertex with {@code k ≥ 1} next hops seen before stopping. */
  public synchronized int flows(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k counts next hops already seen, so k >= 1, not " + k);
    }
    if (k > cached.length) {
      int from = cached.length;
      cached = Arrays.copyOf(cached, Math.max(k, 2 * from));
      for (int i = from; i < cached.length; i++) {
        cached[i] = compute(i + 1);
      }
    }
    return cached[k - 1];
  }

  /**
   * Flows a vertex needs with {@code k ≥ 0} next hops seen. Zero seen needs as many as one: the
   * first flow always shows something (an address or silence), so n_1 can go out at once.
   */
  public int target(int k) {
    return flows(Math.max(k, 1));
  }

  private int compute(int k) {
    int next = k + 1;
    // Union bound: (k + 1) · (k / (k + 1))^n ≤ α. It bounds P_miss from above, so its n is enough.
    double perFlow = Math.log1p(-1.0 / next);
    int n = (int) Math.ceil(Math.log(alpha / next) / perFlow);
    while (!meets(next, n)) {
      n++; // rounding in the logarithms can land one short
    }
    // The union bound overshoots by about k·α/2 flows: gallop down to a failing n, then bisect.
    int fails = n - 1;
    for (int step = 1; fails >= 1 && meets(next, fails); step *= 2) {
      n = fails;
      fails = Math.max(0, n - 2 * step);
    }
    while (n - fails > 1) { // meets(n), and fails is 0 or does not meet
      int middle = (n + fails) >>> 1;
      if (meets(next, middle)) {
        n = middle;
      } else {
        fails = middle;
      }
    }
    return n;
  }

  /** Whether P_miss(big, n) ≤ α, where {@code big} = K equally likely next hops. */
  private boolean meets(int big, int n) {
    double sum = 0;
    double logChoose = 0;
    double previous = Double.POSITIVE_INFINITY;
    for (int j = 1; j < big; j++) {
      logChoose += Math.log((double) (big - j + 1) / j);
      double term = Math.exp(logChoose + n * Math.log1p(-(double) j / big));
      if (term > previous) {
        break; // terms not yet falling: far from n_k, where partial sums prove nothing; go exact
      }
      previous = term;
      sum += (j % 2 == 1) ? term : -term;
      boolean upper = j % 2 == 1 || j == big - 1;
      boolean lower = j % 2 == 0 || j == big - 1;
      if (upper && sum <= alpha * (1 - MARGIN)) {
        return true;
      }
      if (lower && sum > alpha * (1 + MARGIN)) {
        return false;
      }
    }
    return meetsExactly(big, n);
  }

  /**
   * The same Bonferroni test in integers: P_miss · K^n = Σ (−1)^{j+1} C(K, j) (K − j)^n against
   * α · K^n. Exact, and it still stops as soon as a partial sum decides, usually after a few terms.
   */
  private boolean meetsExactly(int big, int n) {
    BigDecimal allowed = exactAlpha.multiply(new BigDecimal(BigInteger.valueOf(big).pow(n)));
    BigInteger missed = BigInteger.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int j = 1; j < big; j++) {
      choose = choose.multiply(BigInteger.valueOf(big - j + 1)).divide(BigInteger.valueOf(j));
      BigInteger term = choose.multiply(BigInteger.valueOf(big - j).pow(n));
      missed = (j % 2 == 1) ? missed.add(term) : missed.subtract(term);
      int sign = new BigDecimal(missed).compareTo(allowed);
      if ((j % 2 == 1 || j == big - 1) && sign <= 0) {
        return true;
      }
      if ((j % 2 == 0 || j == big - 1) && sign > 0) {
        return false;
      }
    }
    throw new AssertionError("the full sum is exact, so its last term decides");
  }

  @Override
  public String toString() {
    return "StoppingRule[" + confidence + "]";
  }
}
