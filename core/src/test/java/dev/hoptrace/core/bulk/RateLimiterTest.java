package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ceiling, driven by a fake clock with irregular wake-ups, as a greedy sender would use it. */
class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  /** Sends as much as allowed whenever it wakes, waking at random gaps, for {@code seconds}. */
  private static List<Long> greedySends(double rate, int seconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RateLimiter limiter = new RateLimiter(rate, 0);
    List<Long> sends = new ArrayList<>();
    long now = 0;
    while (now < seconds * SECOND) {
      int n = limiter.available(now);
      limiter.take(n);
      for (int i = 0; i < n; i++) {
        sends.add(now);
      }
      // Sometimes on time, sometimes late (a busy thread), sometimes stalled for 300 ms.
      long next = limiter.nextAt(now);
      long jitter = switch (random.nextInt(10)) {
        case 0 -> 300_000_000L;
        case 1, 2 -> random.nextLong(20_000_000L);
        default -> 0;
      };
      now = Math.max(now + 1, next + jitter);
    }
    return sends;
  }

  /** The most sends in any window [t, t + 1 s), t at every send. */
  private static int busiestSecond(List<Long> sends) {
    int best = 0;
    int j = 0;
    for (int i = 0; i < sends.size(); i++) {
      while (j < sends.size() && sends.get(j) < sends.get(i) + SECOND) {
        j++;
      }
      best = Math.max(best, j - i);
    }
    return best;
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 7, 100, 1000, 100_000})
  void noSecondExceedsTheRateByMoreThanFivePercent(double rate) {
    List<Long> sends = greedySends(rate, 20, 42);
    assertThat(busiestSecond(sends)).isLessThanOrEqualTo((int) Math.floor(rate * 1.05) + 0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {10, 1000, 100_000})
  void aPromptSenderGetsTheWholeRate(double rate) {
    RateLimiter limiter = new RateLimiter(rate, 0);
    long sent = 0;
    for (long now = 0; now < 10 * SECOND; now = limiter.nextAt(now + 1)) {
      int n = limiter.available(now);
      limiter.take(n);
      sent += n;
    }
    assertThat(sent).isBetween((long) (rate * 10 * 0.98), (long) (rate * 10 * 1.02));
  }

  @Test
  void aStallIsNotMadeUpWithABurst() {
    RateLimiter limiter = new RateLimiter(1000, 0);
    limiter.take(limiter.available(0));
    // Ten idle seconds bank at most one burst, 20 probes (2 % of the rate).
    assertThat(limiter.available(10 * SECOND)).isEqualTo(20);
    assertThat(limiter.burst()).isEqualTo(20);
  }
}
