package dev.hoptrace.lab.emulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late delayed packets left compared with their due time, in 10 µs buckets up to 10 ms (the
 * last bucket holds everything later). Separates the emulator's own timing error from noise in
 * whatever measures the link from outside.
 */
final class Lateness {
  private static final long BUCKET_NANOS = 10_000;
  private static final int BUCKETS = 1_001;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** Called by the forwarding thread for every packet that waited in the timer queue. */
  void record(long lateNanos) {
    counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, lateNanos) / BUCKET_NANOS));
  }

  /** The {@code q}-quantile (0..1) as the upper edge of its bucket; zero when nothing waited. */
  Duration quantile(double q) {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS && total > 0; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Duration.ofNanos((i + 1) * BUCKET_NANOS);
      }
    }
    return Duration.ZERO;
  }
}
