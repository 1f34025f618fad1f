package dev.hoptrace.core.bulk;

/**
 * A hard ceiling on probes per second: a token bucket refilled at the rate, holding at most a
 * small burst. In any one-second window at most {@code rate + burst - 1} probes pass, and the
 * burst is at most 2 % of the rate (or a single probe), so the ceiling holds within 5 % over
 * any second however the caller's wake-ups fall. Time is passed in, so tests drive it with a fake
 * clock.
 */
public final class RateLimiter {
  /** The largest batch handed out at once: one {@code sendmmsg} worth. */
  public static final int MAX_BURST = 64;

  private final double perNano;
  private final int burst;
  private double tokens;
  private long last;

  /**
   * @param perSecond the ceiling, at least 1
   * @param start the time the limiter starts, in nanoseconds; it starts with one token
   */
  public RateLimiter(double perSecond, long start) {
    if (!(perSecond >= 1)) {
      throw new IllegalArgumentException("rate must be at least 1 probe per second, got " + perSecond);
    }
    this.perNano = perSecond / 1e9;
    this.burst = (int) Math.max(1, Math.min(MAX_BURST, Math.floor(perSecond / 50)));
    this.tokens = 1;
    this.last = start;
  }

  /** The most probes {@link #available} ever returns. */
  public int burst() {
    return burst;
  }

  /** Probes that may leave at {@code now} (not yet taken). */
  public int available(long now) {
    refill(now);
    return (int) Math.floor(tokens);
  }

  /** Takes {@code count} probes, at most what {@link #available} said. */
  public void take(int count) {
    if (count > Math.floor(tokens)) {
      throw new IllegalStateException("took " + count + " of " + tokens + " permits");
    }
    tokens -= count;
  }

  /** The earliest time at which at least one probe may leave. */
  public long nextAt(long now) {
    refill(now);
    if (tokens >= 1) {
      return now;
    }
    return now + (long) Math.ceil((1 - tokens) / perNano);
  }

  private void refill(long now) {
    if (now > last) {
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
    }
  }
}
