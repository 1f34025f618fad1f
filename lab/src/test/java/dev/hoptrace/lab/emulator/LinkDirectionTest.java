package dev.hoptrace.lab.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One leg's delay, jitter and loss on a made-up clock: no root, no sleeping. */
class LinkDirectionTest {

  @Test
  void jitterStaysWithinBoundsNeverBelowZeroAndNeverReorders() {
    LinkDirection leg = new LinkDirection(LinkProfile.delay(Duration.ofMillis(1))
        .withJitter(Duration.ofMillis(3)), new SplittableRandom(7));
    long previous = Long.MIN_VALUE;
    for (long now = 0; now < 100_000_000; now += 100_000) { // a packet every 0.1 ms
      long due = leg.departure(now);
      assertThat(due).isGreaterThanOrEqualTo(now).isGreaterThanOrEqualTo(previous);
      previous = due;
    }
  }

  @Test
  void sparsePacketsSeeTheUniformDelay() {
    LinkDirection leg = new LinkDirection(LinkProfile.delay(Duration.ofMillis(20))
        .withJitter(Duration.ofMillis(2)), new SplittableRandom(7));
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 10_000; i++) {
      long now = i * 100_000_000L; // far apart: the order clamp never applies
      long delay = leg.departure(now) - now;
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    assertThat(min).isBetween(18_000_000L, 18_100_000L);
    assertThat(max).isBetween(21_900_000L, 22_000_000L);
  }

  @Test
  void lossRateMatchesAndTheSeedRepeatsIt() {
    LinkProfile lossy = LinkProfile.PERFECT.withLoss(0.3);
    LinkDirection first = new LinkDirection(lossy, new SplittableRandom(42));
    LinkDirection second = new LinkDirection(lossy, new SplittableRandom(42));
    int lost = 0;
    for (int i = 0; i < 10_000; i++) {
      boolean l = first.loses();
      assertThat(second.loses()).isEqualTo(l);
      lost += l ? 1 : 0;
    }
    assertThat(lost).isBetween(2_800, 3_200); // mean 3000, sd 46
  }
}
