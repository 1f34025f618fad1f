package dev.hoptrace.core.live;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.ProbeSession;

final class RoundEngine {
  RoundEngine(TraceRequest request, RoundPolicy policy, ProbeSession session,
      LiveListener listener, LiveControl control) {}

  LiveSnapshot run() {
    throw new UnsupportedOperationException("TODO");
  }
}
