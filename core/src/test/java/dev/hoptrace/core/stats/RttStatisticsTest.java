package dev.hoptrace.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RttStatisticsTest {

  private static RttStatistics of(double... rtts) {
    RttStatistics stats = new RttStatistics();
    for (double rtt : rtts) {
      stats.add(rtt);
    }
    return stats;
  }

  @Test
  void noSampleIsNone() {
    assertThat(new RttStatistics().summary()).isEqualTo(RttSummary.NONE);
  }

  @Test
  void oneSampleHasNoDeviation() {
    RttSummary summary = of(7.5).summary();

    assertThat(summary).isEqualTo(new RttSummary(7.5, 7.5, 7.5, 7.5, Double.NaN));
  }

  @Test
  void oneTwoThreeHasDeviationExactlyOne() {
    // Trippy's non-textbook update gives 0.79 here (anchors.md §3).
    RttSummary summary = of(1, 2, 3).summary();

    assertThat(summary.stdev()).isEqualTo(1.0);
    assertThat(summary.avg()).isEqualTo(2.0);
  }

  @Test
  void lastBestWorstFollowTheSamples() {
    RttSummary summary = of(5, 2, 9, 4).summary();

    assertThat(summary.last()).isEqualTo(4);
    assertThat(summary.best()).isEqualTo(2);
    assertThat(summary.worst()).isEqualTo(9);
    assertThat(summary.avg()).isEqualTo(5);
    // Σ(x − 5)² = 0 + 9 + 16 + 1 = 26; 26 / 3.
    assertThat(summary.stdev()).isEqualTo(Math.sqrt(26.0 / 3));
  }

  @Test
  void agreesWithTwoPassOverManyRandomSamples() {
    // A large common offset makes a naive Σx² formula lose most digits; Welford must not.
    Random random = new Random(20260101);
    double[] xs = new double[100_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = 1_000_000 + 40 * random.nextGaussian() + 30 * random.nextDouble();
    }
    RttStatistics stats = of(xs);

    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    double mean = sum / xs.length;
    double squares = 0;
    for (double x : xs) {
      squares += (x - mean) * (x - mean);
    }
    double stdev = Math.sqrt(squares / (xs.length - 1));

    RttSummary summary = stats.summary();
    assertThat(summary.avg()).isCloseTo(mean, withinPercentage(1e-7));
    assertThat(summary.stdev()).isCloseTo(stdev, withinPercentage(1e-7));
    assertThat(stats.count()).isEqualTo(xs.length);
  }

  @Test
  void resetForgetsEverything() {
    RttStatistics stats = of(3, 4, 5);

    stats.reset();
    stats.add(10);

    assertThat(stats.summary()).isEqualTo(new RttSummary(10, 10, 10, 10, Double.NaN));
  }
}
