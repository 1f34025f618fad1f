package dev.hoptrace.core.bulk;

import java.util.SplittableRandom;

/**
 * Probes waiting for their turn, taken out in random order: each new entry swaps places with a
 * random waiting one, so what leaves next is uniform over everything waiting. Probes of many
 * destinations and TTLs are thus interleaved and no router sees one destination's TTLs in a burst.
 * Entries are packed longs in a ring that grows only when the number waiting outgrows it.
 */
final class ProbeQueue {
  private final SplittableRandom random;
  private long[] ring;
  private int head;
  private int size;

  /** @param expected how many entries may wait at once (rounded up to a power of two) */
  ProbeQueue(long seed, int expected) {
    this.random = new SplittableRandom(seed);
    this.ring = new long[powerOfTwo(expected)];
  }

  static int powerOfTwo(int n) {
    return Integer.highestOneBit(Math.max(1024, Math.min(n, 1 << 22)) * 2 - 1);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(long entry) {
    if (size == ring.length) {
      grow();
    }
    int mask = ring.length - 1;
    int tail = (head + size) & mask;
    int other = (head + random.nextInt(size + 1)) & mask;
    ring[tail] = ring[other];
    ring[other] = entry;
    size++;
  }

  long poll() {
    long entry = ring[head];
    head = (head + 1) & (ring.length - 1);
    size--;
    return entry;
  }

  private void grow() {
    long[] bigger = new long[ring.length * 2];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(head + i) & (ring.length - 1)];
    }
    ring = bigger;
    head = 0;
  }
}
