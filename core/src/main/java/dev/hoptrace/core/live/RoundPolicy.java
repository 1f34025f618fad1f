package dev.hoptrace.core.live;

import java.time.Duration;

/**
 * How a continuous trace paces itself, as mtr's {@code -i}, {@code -c} and {@code -G}.
 *
 * @param interval time between the starts of two rounds
 * @param rounds rounds to run, 0 for until stopped
 * @param grace the longest a probe waits for its reply; most are given up on sooner (see
 *     {@link LiveTracer}), and a run ends as soon as its last round is complete
 */
public record RoundPolicy(Duration interval, long rounds, Duration grace) {

  /** mtr's pace: one round a second, until stopped, 5 s at most per reply. */
  public static final RoundPolicy DEFAULT =
      new RoundPolicy(Duration.ofSeconds(1), 0, Duration.ofSeconds(5));

  public RoundPolicy {
    if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("interval (-i) must be 0.01 to 3600 seconds");
    }
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds (-c) must not be negative, got " + rounds);
    }
    if (grace.compareTo(Duration.ofMillis(10)) < 0 || grace.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("grace (--grace) must be 0.01 to 60 seconds");
    }
  }

  public RoundPolicy withRounds(long n) {
    return new RoundPolicy(interval, n, grace);
  }
}
