package dev.hoptrace.core.bulk;

/**
 * Hops waiting for their last probe's wait to run out, in the order they were sent: as every probe
 * waits the same time, that is also deadline order, so a ring suffices (no heap). An entry is a
 * packed (slot, generation, TTL) and its deadline.
 */
final class Deadlines {
  private long[] entries;
  private long[] deadlines;
  private int head;
  private int size;

  /** @param expected how many hops may wait at once (rounded up to a power of two) */
  Deadlines(int expected) {
    int capacity = ProbeQueue.powerOfTwo(expected);
    entries = new long[capacity];
    deadlines = new long[capacity];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(long entry, long deadline) {
    if (size == entries.length) {
      grow();
    }
    int tail = (head + size) & (entries.length - 1);
    entries[tail] = entry;
    deadlines[tail] = deadline;
    size++;
  }

  /** The earliest deadline; only when not empty. */
  long firstDeadline() {
    return deadlines[head];
  }

  long poll() {
    long entry = entries[head];
    head = (head + 1) & (entries.length - 1);
    size--;
    return entry;
  }

  private void grow() {
    long[] e = new long[entries.length * 2];
    long[] d = new long[entries.length * 2];
    for (int i = 0; i < size; i++) {
      e[i] = entries[(head + i) & (entries.length - 1)];
      d[i] = deadlines[(head + i) & (entries.length - 1)];
    }
    entries = e;
    deadlines = d;
    head = 0;
  }
}
