package dev.hoptrace.core.engine;

import dev.hoptrace.core.WaitPolicy;

/**
 * Decides when a probe is given up on. See {@link WaitPolicy} for the rules; they are re-applied
 * whenever a reply arrives, so a probe's deadline moves as the path reveals its RTTs.
 */
final class AdaptiveWait {
  private final WaitPolicy policy;
  private final long maxNanos;

  AdaptiveWait(WaitPolicy policy) {
    this.policy = policy;
    this.maxNanos = policy.max().toNanos();
  }

  long deadline(ProbeSlot slot, HopTable table) {
    return slot.sent.sentAt() + waitFor(slot.ttl, table);
  }

  private long waitFor(int ttl, HopTable table) {
    if (policy.fixed()) {
      return maxNanos;
    }
    long here = table.slowestAt(ttl);
    if (policy.here() > 0 && here >= 0) {
      return capped(policy.here() * here);
    }
    long near = table.slowestAbove(ttl);
    if (policy.near() > 0 && near >= 0) {
      return capped(policy.near() * near);
    }
    int answered = table.highestAnswered();
    if (policy.near() > 0 && answered > 0 && ttl > answered) {
      // Past every hop that has answered: the path has shown its RTT scale, so a full MAX for
      // each silent hop of a filtered tail would only make the user wait.
      double scaled = policy.near() * table.slowest();
      return capped(Math.max(policy.tailFloor().toNanos(), scaled));
    }
    return maxNanos;
  }

  private long capped(double nanos) {
    return Math.min(maxNanos, (long) nanos);
  }
}
