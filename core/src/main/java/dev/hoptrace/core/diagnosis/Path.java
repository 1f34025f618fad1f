package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.stats.HopSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The hops a diagnosis reads: in TTL order, cut after the first hop at which the destination
 * answered (probes sent past it say nothing about the path).
 *
 * @param hops the hops
 * @param destination the index of the destination's hop, or -1 when it never answered
 */
record Path(List<HopSnapshot> hops, int destination) {

  Path {
    hops = List.copyOf(hops);
  }

  static Path of(List<HopSnapshot> hops) {
    List<HopSnapshot> cut = new ArrayList<>();
    for (HopSnapshot hop : hops) {
      cut.add(hop);
      if (hop.destination()) {
        return new Path(cut, cut.size() - 1);
      }
    }
    return new Path(cut, -1);
  }

  boolean reached() {
    return destination >= 0;
  }

  int size() {
    return hops.size();
  }

  HopSnapshot get(int index) {
    return hops.get(index);
  }

  boolean isDestination(int index) {
    return index == destination;
  }

  /** Whether some hop after {@code index} answered at least once. */
  boolean answeredAfter(int index) {
    for (int i = index + 1; i < hops.size(); i++) {
      if (hops.get(i).received() > 0) {
        return true;
      }
    }
    return false;
  }

  /** The index of the last hop whose loss can be compared, or -1. */
  int lastComparable() {
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (LossComparison.comparable(hops.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The index where the run of silent hops at the end starts; {@link #size()} if none. */
  int silentTail() {
    int start = hops.size();
    while (start > 0 && hops.get(start - 1).silent()) {
      start--;
    }
    return start;
  }
}
