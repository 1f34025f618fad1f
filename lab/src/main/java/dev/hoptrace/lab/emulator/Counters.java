package dev.hoptrace.lab.emulator;

import java.util.concurrent.atomic.AtomicLongArray;

/** One counter per {@link Count}: written by the forwarding thread, read by anyone. */
final class Counters {
  private final AtomicLongArray values = new AtomicLongArray(Count.values().length);

  void add(Count count) {
    values.incrementAndGet(count.ordinal());
  }

  long get(Count count) {
    return values.get(count.ordinal());
  }
}
