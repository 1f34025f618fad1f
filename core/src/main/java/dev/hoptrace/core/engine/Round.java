package dev.hoptrace.core.engine;

import dev.hoptrace.core.stats.ProbeOutcome;
import java.util.Arrays;

/**
 * One sweep of a continuous trace over the path's TTLs: which probes it sent, what became of each,
 * and where it found the path to end. Owned by the engine thread.
 */
final class Round {
  final long number;
  final int firstTtl;
  /** Per TTL (index 0 = first TTL): what became of the round's probes there. */
  private final ProbeOutcome[] outcomes;
  private final int[] pending;
  /** Set by a reset during the round: its loss walk must not reach the fresh statistics. */
  boolean stale;
  boolean hadProblem;
  /** Lowest TTL with a final reply in this round. */
  int finalTtl = Integer.MAX_VALUE;
  /** Whether the final reply at {@link #finalTtl} came from the destination itself. */
  boolean reachedDestination;
  /** A router answered at or past the destination's TTL of earlier rounds: the path grew. */
  boolean grew;
  int nextTtl;
  int nextIndex;
  private int outstanding;

  Round(long number, int firstTtl, int maxTtl) {
    this.number = number;
    this.firstTtl = firstTtl;
    this.outcomes = new ProbeOutcome[maxTtl - firstTtl + 1];
    this.pending = new int[outcomes.length];
    Arrays.fill(outcomes, ProbeOutcome.NOT_SENT);
    this.nextTtl = firstTtl;
  }

  void sent(int ttl) {
    pending[ttl - firstTtl]++;
    outstanding++;
  }

  /** A probe of {@code ttl} has an outcome; a TTL counts as answered when any of its probes was. */
  void outcome(int ttl, boolean answered) {
    int i = ttl - firstTtl;
    pending[i]--;
    outstanding--;
    if (answered) {
      outcomes[i] = ProbeOutcome.ANSWERED;
    } else if (outcomes[i] == ProbeOutcome.NOT_SENT) {
      outcomes[i] = ProbeOutcome.LOST;
    }
  }

  /** A probe past the final hop was withdrawn: as if never sent. */
  void cancelled(int ttl) {
    pending[ttl - firstTtl]--;
    outstanding--;
  }

  boolean awaiting() {
    return outstanding > 0;
  }

  /** The outcomes up to the last TTL that was sent (later ones were never part of this round). */
  ProbeOutcome[] outcomes() {
    return outcomes;
  }
}
