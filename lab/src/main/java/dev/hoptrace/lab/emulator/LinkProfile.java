package dev.hoptrace.lab.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What one direction of an emulated link does to each packet: holds it for {@code delay} ±
 * {@code jitter} (uniform, never below zero), loses it with probability {@code loss}, and drops
 * it when it is longer than {@code mtu} bytes.
 *
 * @param mtu the largest IP packet the link carries; {@link #UNLIMITED} for no limit
 */
public record LinkProfile(Duration delay, Duration jitter, double loss, int mtu) {
  /** The largest IP packet there is: no MTU limit. */
  public static final int UNLIMITED = 65_535;
  /** No delay, no loss, no limit: the packet passes at once. */
  public static final LinkProfile PERFECT =
      new LinkProfile(Duration.ZERO, Duration.ZERO, 0, UNLIMITED);

  public LinkProfile {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(jitter, "jitter");
    if (delay.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("delay and jitter must not be negative");
    }
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("loss must be a probability in 0..1, got " + loss);
    }
    if (mtu < 68 || mtu > UNLIMITED) { // RFC 791: every IPv4 module takes 68 bytes
      throw new IllegalArgumentException("mtu must be 68.." + UNLIMITED + ", got " + mtu);
    }
  }

  /** A link that only delays, by exactly {@code delay}. */
  public static LinkProfile delay(Duration delay) {
    return PERFECT.withDelay(delay);
  }

  public LinkProfile withDelay(Duration newDelay) {
    return new LinkProfile(newDelay, jitter, loss, mtu);
  }

  public LinkProfile withJitter(Duration newJitter) {
    return new LinkProfile(delay, newJitter, loss, mtu);
  }

  public LinkProfile withLoss(double newLoss) {
    return new LinkProfile(delay, jitter, newLoss, mtu);
  }

  public LinkProfile withMtu(int newMtu) {
    return new LinkProfile(delay, jitter, loss, newMtu);
  }

  /** True when a packet passes this direction untouched and without waiting. */
  public boolean isPerfect() {
    return delay.isZero() && jitter.isZero() && loss == 0;
  }
}
