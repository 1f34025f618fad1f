package dev.hoptrace.core.stats;

import java.util.ArrayList;
import java.util.List;

/** A ring of the newest samples (NaN for a lost probe): fixed memory for charts and sparklines. */
final class SampleWindow {
  private final double[] ring;
  private int next;
  private int size;

  SampleWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    ring = new double[capacity];
  }

  void add(double sample) {
    ring[next] = sample;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  int capacity() {
    return ring.length;
  }

  /** The samples, oldest first. */
  List<Double> snapshot() {
    List<Double> out = new ArrayList<>(size);
    int oldest = (next - size + ring.length) % ring.length;
    for (int i = 0; i < size; i++) {
      out.add(ring[(oldest + i) % ring.length]);
    }
    return List.copyOf(out);
  }

  void reset() {
    next = 0;
    size = 0;
  }
}
