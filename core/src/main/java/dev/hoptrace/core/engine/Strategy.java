package dev.hoptrace.core.engine;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.OutgoingProbe;

/** What each probe of a trace looks like on the wire, as far as the engine chooses it. */
sealed interface Strategy permits ClassicStrategy, ParisStrategy {

  /** The request's strategy: Paris on its flow, else classic. */
  static Strategy of(TraceRequest request) {
    return request.flow().<Strategy>map(flow -> new ParisStrategy(request, flow))
        .orElseGet(() -> new ClassicStrategy(request));
  }

  OutgoingProbe probe(ProbeSlot slot);

  /**
   * How many probe sequences there are before a continuous trace wraps them round: no two probes
   * that may be in flight together can share a wire identity.
   */
  int sequenceSpace();
}
