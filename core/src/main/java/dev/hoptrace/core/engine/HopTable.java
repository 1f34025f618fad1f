package dev.hoptrace.core.engine;

import dev.hoptrace.core.Hop;
import dev.hoptrace.core.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The probe slots of a trace by TTL, and what has been learnt per hop: which TTLs answered and how
 * fast, which the adaptive wait needs.
 */
final class HopTable {
  private final int firstTtl;
  private final int maxTtl;
  private final ProbeSlot[][] slots;
  private final long[] slowestRtt;
  private int highestAnswered;

  HopTable(int firstTtl, int maxTtl, int probesPerHop) {
    this.firstTtl = firstTtl;
    this.maxTtl = maxTtl;
    int hops = maxTtl - firstTtl + 1;
    slots = new ProbeSlot[hops][probesPerHop];
    slowestRtt = new long[hops];
    java.util.Arrays.fill(slowestRtt, -1);
    int sequence = 0;
    for (int h = 0; h < hops; h++) {
      for (int i = 0; i < probesPerHop; i++) {
        slots[h][i] = new ProbeSlot(firstTtl + h, i, sequence++);
      }
    }
  }

  int firstTtl() {
    return firstTtl;
  }

  int maxTtl() {
    return maxTtl;
  }

  ProbeSlot[] hop(int ttl) {
    return slots[ttl - firstTtl];
  }

  /** Records an answered probe's RTT so waits of other probes can adapt to it. */
  void answered(int ttl, long rttNanos) {
    int h = ttl - firstTtl;
    slowestRtt[h] = Math.max(slowestRtt[h], rttNanos);
    highestAnswered = Math.max(highestAnswered, ttl);
  }

  /** The highest TTL any probe got an answer for, or 0. */
  int highestAnswered() {
    return highestAnswered;
  }

  /** Slowest RTT seen at exactly this TTL, or -1. */
  long slowestAt(int ttl) {
    return slowestRtt[ttl - firstTtl];
  }

  /** Slowest RTT seen at any TTL above this one, or -1. */
  long slowestAbove(int ttl) {
    long slowest = -1;
    for (int t = ttl + 1; t <= maxTtl; t++) {
      slowest = Math.max(slowest, slowestAt(t));
    }
    return slowest;
  }

  /** Slowest RTT seen anywhere, or -1. */
  long slowest() {
    return slowestAbove(firstTtl - 1);
  }

  boolean complete(int ttl) {
    for (ProbeSlot slot : hop(ttl)) {
      if (!slot.finished()) {
        return false;
      }
    }
    return true;
  }

  Hop snapshot(int ttl) {
    List<ProbeResult> results = new ArrayList<>();
    for (ProbeSlot slot : hop(ttl)) {
      results.add(slot.result != null ? slot.result : ProbeResult.timeout(slot.ttl, slot.index));
    }
    return new Hop(ttl, results);
  }
}
