package dev.hoptrace.sim;

import dev.hoptrace.scenario.Link;
import java.util.SplittableRandom;

/**
 * One direction of a link: its delay, jitter and loss, drawn from a random stream of its own (seed,
 * link, direction), so that what happens on one link does not shift the dice of another.
 */
final class LinkModel {
  /** Returned by {@link #crossing()} for a packet the link lost. */
  static final long LOST = -1;

  private final long delay;
  private final long jitter;
  private final double loss;
  private final SplittableRandom random;

  LinkModel(Link link, boolean fromA, long seed) {
    this.delay = link.delay().toNanos();
    this.jitter = link.jitter().toNanos();
    this.loss = link.loss();
    this.random = new SplittableRandom(FlowHash.finish(seed * 1_000_003L + link.index() * 2L
        + (fromA ? 0 : 1)));
  }

  /** How long one packet takes to cross, or {@link #LOST}. */
  long crossing() {
    if (loss > 0 && random.nextDouble() < loss) {
      return LOST;
    }
    if (jitter == 0) {
      return delay;
    }
    // Uniform within ± jitter, never below zero.
    return Math.max(0, delay + random.nextLong(-jitter, jitter + 1));
  }
}
