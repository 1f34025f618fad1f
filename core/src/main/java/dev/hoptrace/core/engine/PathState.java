package dev.hoptrace.core.engine;

import dev.hoptrace.core.stats.HopSnapshot;
import dev.hoptrace.core.stats.HopStatistics;
import dev.hoptrace.core.stats.LossKind;
import dev.hoptrace.core.stats.ProbeOutcome;
import dev.hoptrace.core.stats.RoundLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * What a continuous trace has learnt of its path: each hop's statistics, how far probes went and
 * answers came from, and where the path ends. Fed by the engine as probes end and rounds close.
 */
final class PathState {
  private final int firstTtl;
  private final int gapLimit;
  private final int maxTtl;
  private final HopStatistics[] hops;
  private int highestAnswered;
  private int highestSent;
  /** Lowest TTL with a final reply in the newest round that had one; 0 while unknown. */
  private int finalTtl;
  private int destinationTtl;

  PathState(int firstTtl, int maxTtl, int gapLimit) {
    this.firstTtl = firstTtl;
    this.maxTtl = maxTtl;
    this.gapLimit = gapLimit;
    this.hops = new HopStatistics[maxTtl - firstTtl + 1];
    for (int i = 0; i < hops.length; i++) {
      hops[i] = new HopStatistics(firstTtl + i);
    }
    this.highestAnswered = firstTtl - 1;
  }

  HopStatistics hop(int ttl) {
    return hops[ttl - firstTtl];
  }

  void sent(int ttl) {
    highestSent = Math.max(highestSent, ttl);
  }

  void answered(int ttl) {
    highestAnswered = Math.max(highestAnswered, ttl);
  }

  /** The TTL where the path ended in the newest round that reached an end; 0 while unknown. */
  int finalTtl() {
    return finalTtl;
  }

  int destinationTtl() {
    return destinationTtl;
  }

  /** The highest TTL {@code round} should probe, as far as is known now. */
  int limit(Round round) {
    if (round.finalTtl != Integer.MAX_VALUE) {
      return round.finalTtl;
    }
    if (finalTtl > 0 && !round.grew) {
      return finalTtl;
    }
    return (int) Math.min(maxTtl, (long) highestAnswered + gapLimit);
  }

  /** A round is over: its loss walk, and what it showed of the path's end. */
  void closed(Round round) {
    if (!round.stale) {
      ProbeOutcome[] outcomes = round.outcomes();
      LossKind[] kinds = RoundLoss.classify(outcomes);
      for (int i = 0; i < kinds.length; i++) {
        if (outcomes[i] == ProbeOutcome.LOST && kinds[i] != LossKind.NONE) {
          hops[i].classified(kinds[i]);
        }
      }
    }
    if (round.finalTtl != Integer.MAX_VALUE) {
      finalTtl = round.finalTtl;
      destinationTtl = round.reachedDestination ? round.finalTtl : 0;
    } else if (round.grew) {
      finalTtl = 0;
      destinationTtl = 0;
    }
  }

  /** Forgets the statistics; what is known of the path's length stays. */
  void reset() {
    for (HopStatistics hop : hops) {
      hop.reset();
    }
  }

  /** The hops the path has as far as is known: to its end, or one past the last that answered. */
  List<HopSnapshot> shown() {
    int last = finalTtl > 0 ? finalTtl : Math.min(highestSent, highestAnswered + 1);
    List<HopSnapshot> shown = new ArrayList<>();
    for (int ttl = firstTtl; ttl <= last; ttl++) {
      shown.add(hop(ttl).snapshot());
    }
    return shown;
  }
}
