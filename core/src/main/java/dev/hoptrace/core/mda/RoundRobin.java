package dev.hoptrace.core.mda;

import java.util.ArrayList;
import java.util.List;

/** Picks from several lists in turn, so that every vertex gets a share of a batch. */
final class RoundRobin {
  private RoundRobin() {}

  static List<Integer> take(List<List<Integer>> pools, int count) {
    List<Integer> taken = new ArrayList<>(count);
    for (int index = 0; taken.size() < count; index++) {
      boolean any = false;
      for (List<Integer> pool : pools) {
        if (index < pool.size() && taken.size() < count) {
          taken.add(pool.get(index));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return taken;
  }
}
