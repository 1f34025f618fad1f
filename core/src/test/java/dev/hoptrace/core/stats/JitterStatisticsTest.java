package dev.hoptrace.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JitterStatisticsTest {

  private static JitterStatistics of(double... rtts) {
    JitterStatistics stats = new JitterStatistics();
    for (double rtt : rtts) {
      stats.add(rtt);
    }
    return stats;
  }

  @Test
  void firstReplyContributesNoDifference() {
    // Trippy would report J = 10 here (its previous RTT starts at 0); a single RTT has no jitter.
    assertThat(of(10).summary()).isEqualTo(JitterSummary.NONE);
  }

  @Test
  void workedExampleByHand() {
    // RTTs 10, 12, 9, 9 → J = 2, 3, 0.
    // Jint: 0 + (2 − 0)/16 = 0.125; 0.125 + (3 − 0.125)/16 = 0.3046875;
    //       0.3046875 + (0 − 0.3046875)/16 = 0.28564453125 (all exact in binary).
    JitterSummary summary = of(10, 12, 9, 9).summary();

    assertThat(summary.jitter()).isEqualTo(0);
    assertThat(summary.javg()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(summary.jmax()).isEqualTo(3);
    assertThat(summary.jint()).isEqualTo(0.28564453125);
  }

  @Test
  void intermediateStepsOfTheWorkedExample() {
    assertThat(of(10, 12).summary()).isEqualTo(new JitterSummary(2, 2, 2, 0.125));
    assertThat(of(10, 12, 9).summary()).isEqualTo(new JitterSummary(3, 2.5, 3, 0.3046875));
  }

  @Test
  void resetStartsAFreshChain() {
    JitterStatistics stats = of(10, 50);

    stats.reset();
    stats.add(20);
    assertThat(stats.summary()).isEqualTo(JitterSummary.NONE);
    stats.add(24);
    assertThat(stats.summary()).isEqualTo(new JitterSummary(4, 4, 4, 0.25));
  }
}
