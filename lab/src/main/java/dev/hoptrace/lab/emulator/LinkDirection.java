package dev.hoptrace.lab.emulator;

import java.util.SplittableRandom;

/**
 * The state of one leg: its profile, its own seeded random numbers (so the loss pattern of one
 * direction does not depend on traffic in the other), and the last departure time it gave out.
 *
 * <p>Packets never overtake each other on a leg: a departure is never earlier than the previous
 * one, as on a real wire. So with jitter larger than the gap between packets, delays bunch up
 * above the nominal value instead of reordering (reordering is not emulated).
 */
final class LinkDirection {
  private final LinkProfile profile;
  private final SplittableRandom random;
  private final long delayNanos;
  private final long jitterNanos;
  private long lastDeparture;
  private boolean departed;

  LinkDirection(LinkProfile profile, SplittableRandom random) {
    this.profile = profile;
    this.random = random;
    this.delayNanos = profile.delay().toNanos();
    this.jitterNanos = profile.jitter().toNanos();
  }

  LinkProfile profile() {
    return profile;
  }

  boolean fits(int length) {
    return length <= profile.mtu();
  }

  /** Draws whether the next packet is lost; one draw per packet, in arrival order. */
  boolean loses() {
    return profile.loss() > 0 && random.nextDouble() < profile.loss();
  }

  /** When a packet that entered the leg at {@code now} (nanoTime) leaves it. */
  long departure(long now) {
    long delay = delayNanos;
    if (jitterNanos > 0) {
      delay = Math.max(0, delay + random.nextLong(-jitterNanos, jitterNanos + 1));
    }
    long due = now + delay;
    if (departed && due - lastDeparture < 0) {
      due = lastDeparture;
    }
    lastDeparture = due;
    departed = true;
    return due;
  }
}
