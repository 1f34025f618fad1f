package dev.hoptrace.core.mda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {
  // anchors.md §7, k = 1..20 (scamper's table, indexed there by k + 1)
  private static final int[] NINETY_FIVE = {
    6, 11, 16, 21, 27, 33, 38, 44, 51, 57, 63, 70, 76, 83, 90, 96, 103, 110, 117, 124
  };
  private static final int[] NINETY_NINE = {
    8, 15, 21, 28, 36, 43, 51, 58, 66, 74, 82, 90, 98, 106, 115, 123, 132, 140, 149, 157
  };

  @Test
  void reproducesThePublishedNinetyFivePercentRow() {
    StoppingRule rule = StoppingRule.of(0.95);
    assertThat(IntStream.rangeClosed(1, 20).map(rule::flows).toArray())
        .containsExactly(NINETY_FIVE);
  }

  @Test
  void reproducesThePublishedNinetyNinePercentRow() {
    StoppingRule rule = StoppingRule.of(0.99);
    assertThat(IntStream.rangeClosed(1, 20).map(rule::flows).toArray())
        .containsExactly(NINETY_NINE);
  }

  @Test
  void reproducesTheNinetyPercentRowOfMca() {
    StoppingRule rule = StoppingRule.of(0.90);
    assertThat(IntStream.rangeClosed(1, 6).map(rule::flows).toArray())
        .containsExactly(5, 9, 13, 18, 23, 28);
  }

  @Test
  void isTheSmallestNMeetingAlphaBeyondTheTable() {
    // P_miss falls as n grows, so n_k is right when it meets α and n_k − 1 does not.
    for (double confidence : new double[] {0.9, 0.95, 0.99, 0.999}) {
      StoppingRule rule = StoppingRule.of(confidence);
      for (int k = 1; k <= 60; k++) {
        int n = rule.flows(k);
        assertThat(meetsExactly(k, n, confidence)).as("k=%d n=%d at %s", k, n, confidence).isTrue();
        assertThat(meetsExactly(k, n - 1, confidence))
            .as("k=%d n-1 at %s", k, confidence)
            .isFalse();
      }
    }
  }

  @Test
  void theUnionBoundAsksOneFlowMoreAtSomeRows() {
    StoppingRule rule = StoppingRule.of(0.95);
    for (int k : new int[] {7, 8, 13, 16}) {
      assertThat(unionBound(k, 0.05)).isEqualTo(rule.flows(k) + 1);
    }
    assertThat(unionBound(6, 0.05)).isEqualTo(rule.flows(6));
  }

  @Test
  void largeKStaysBelowTheUnionBound() {
    StoppingRule rule = StoppingRule.of(0.95);
    int n = rule.flows(2000);
    int union = unionBound(2000, 0.05);
    assertThat(n).isLessThanOrEqualTo(union).isGreaterThan(union - 60);
    assertThat(rule.flows(1999)).isLessThan(n);
  }

  @Test
  void zeroNextHopsSeenNeedsAsManyAsOne() {
    StoppingRule rule = StoppingRule.of(0.95);
    assertThat(rule.target(0)).isEqualTo(6);
    assertThat(rule.target(3)).isEqualTo(16);
  }

  @Test
  void rejectsConfidencesOutsideTheOpenInterval() {
    for (double bad : new double[] {0, 1, -0.5, 95, Double.NaN}) {
      assertThatThrownBy(() -> StoppingRule.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> StoppingRule.of(0.95).flows(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int unionBound(int k, double alpha) {
    int big = k + 1;
    return (int) Math.ceil(Math.log(alpha / big) / Math.log((double) k / big));
  }

  /** P_miss(k + 1, n) ≤ 1 − confidence, summing the whole formula over integers. */
  private static boolean meetsExactly(int k, int n, double confidence) {
    int big = k + 1;
    BigDecimal alpha = BigDecimal.ONE.subtract(new BigDecimal(Double.toString(confidence)));
    BigInteger missed = BigInteger.ZERO;
    for (int j = 1; j < big; j++) {
      BigInteger term = binomial(big, j).multiply(BigInteger.valueOf(big - j).pow(n));
      missed = j % 2 == 1 ? missed.add(term) : missed.subtract(term);
    }
    BigDecimal limit = alpha.multiply(new BigDecimal(BigInteger.valueOf(big).pow(n)));
    return new BigDecimal(missed).compareTo(limit) <= 0;
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger result = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return result;
  }
}
