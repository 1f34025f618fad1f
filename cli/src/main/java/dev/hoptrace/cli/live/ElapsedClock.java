package dev.hoptrace.cli.live;

import dev.hoptrace.core.live.LiveSnapshot;

/**
 * The run time each target's header shows. A snapshot carries the engine's elapsed time when it
 * was published, perhaps only once a round; between snapshots the clock runs on from the moment
 * the view first saw it, and it never runs backwards when the next snapshot is a little behind.
 */
final class ElapsedClock {
  private final LiveSnapshot[] seen;
  private final long[] seenAt;
  private final long[] shown;

  ElapsedClock(int targets) {
    seen = new LiveSnapshot[targets];
    seenAt = new long[targets];
    shown = new long[targets];
  }

  long elapsed(int target, LiveSnapshot snapshot, boolean paused, long now) {
    if (snapshot != seen[target]) {
      seen[target] = snapshot;
      seenAt[target] = now;
    }
    long elapsed = snapshot.elapsedNanos();
    if (snapshot.finished()) {
      shown[target] = elapsed;
      return elapsed;
    }
    if (!paused) {
      elapsed += now - seenAt[target];
    }
    shown[target] = Math.max(shown[target], elapsed);
    return shown[target];
  }
}
