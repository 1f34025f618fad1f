package dev.hoptrace.core.engine;

import dev.hoptrace.core.ProbeResult;
import dev.hoptrace.core.net.SentProbe;

/** One probe of the trace from planning to outcome. Owned and mutated by the engine thread only. */
final class ProbeSlot {

  enum State { PENDING, IN_FLIGHT, DONE, CANCELLED }

  final int ttl;
  final int index;
  /** Per-trace sequence: unique among this trace's probes, carried on the wire by the strategy. */
  final int sequence;

  State state = State.PENDING;
  SentProbe sent;
  long deadline;
  ProbeResult result;

  ProbeSlot(int ttl, int index, int sequence) {
    this.ttl = ttl;
    this.index = index;
    this.sequence = sequence;
  }

  boolean finished() {
    return state == State.DONE || state == State.CANCELLED;
  }

  void complete(ProbeResult outcome) {
    result = outcome;
    state = State.DONE;
  }
}
