package dev.hoptrace.core.engine;

import dev.hoptrace.core.WaitPolicy;
import java.time.Duration;

/**
 * How long a probe of a continuous trace waits for its reply. A continuous trace counts loss, so
 * it must not give up on a reply that is merely slow: a probe waits at least the floor (1 s, the
 * round length mtr and Trippy use), longer on a slow path (HERE × the slowest RTT its hop ever
 * showed, or NEAR × the slowest RTT of another hop for a hop that never answered), and never longer
 * than the grace.
 */
final class RoundWait {
  private final long floor;
  private final long grace;
  private final double here;
  private final double near;
  /** Slowest RTT seen per TTL (index 0 = first TTL), -1 where none. */
  private final long[] slowest;

  RoundWait(WaitPolicy policy, Duration grace, int firstTtl, int maxTtl) {
    this.grace = grace.toNanos();
    this.floor = Math.min(this.grace, policy.tailFloor().toNanos());
    this.here = policy.here() > 0 ? policy.here() : 3;
    this.near = policy.near() > 0 ? policy.near() : 10;
    this.slowest = new long[maxTtl - firstTtl + 1];
    java.util.Arrays.fill(slowest, -1);
  }

  void answered(int index, long rttNanos) {
    slowest[index] = Math.max(slowest[index], rttNanos);
  }

  long waitFor(int index) {
    if (slowest[index] >= 0) {
      return bounded(here * slowest[index]);
    }
    // A hop that never answered: scaled by what the path has shown, preferring later hops (their
    // replies crossed this hop); only a path where nothing answered yet waits the whole grace.
    long later = -1;
    for (int i = index + 1; i < slowest.length; i++) {
      later = Math.max(later, slowest[i]);
    }
    long earlier = -1;
    for (int i = 0; i < index; i++) {
      earlier = Math.max(earlier, slowest[i]);
    }
    long seen = later >= 0 ? later : earlier;
    return seen >= 0 ? bounded(near * seen) : grace;
  }

  private long bounded(double nanos) {
    return Math.min(grace, Math.max(floor, (long) nanos));
  }
}
