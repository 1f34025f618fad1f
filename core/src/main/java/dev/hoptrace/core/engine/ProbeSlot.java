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

  /** The round of a continuous trace the probe belongs to; 0 in a one-shot trace. */
  final long round;

  State state = State.PENDING;
  SentProbe sent;
  long deadline;
  ProbeResult result;

  ProbeSlot(int ttl, int index, int sequence) {
    this(ttl, index, sequence, 0);
  }

  ProbeSlot(int ttl, int index, int sequence, long round) {
    this.ttl = ttl;
    this.index = index;
    this.sequence = sequence;
    this.round = round;
  }

  boolean finished() {
    return state == State.DONE || state == State.CANCELLED;
  }

  void complete(ProbeResult outcome) {
    result = outcome;
    state = State.DONE;
  }
}
