package dev.hoptrace.sim;

/**
 * Simulated time in nanoseconds. It only moves when the network has nothing to do before a
 * deadline or jumps to the next packet arrival, so a 5 s timeout costs no real time at all.
 */
public final class VirtualClock {
  private long now;

  VirtualClock(long start) {
    this.now = start;
  }

  public long now() {
    return now;
  }

  /** Moves to {@code time}; never backwards (a deadline already past leaves the clock alone). */
  void advanceTo(long time) {
    if (time > now) {
      now = time;
    }
  }
}
