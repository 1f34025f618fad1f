package dev.hoptrace.core.engine;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.OutgoingProbe;

/**
 * Classic traceroute's wire layout: UDP to a destination port that grows by one with every probe
 * (starting at {@code -p}, 33434 by default) unless the port is fixed; TCP to a fixed port; ICMP
 * echo with the probe's sequence. Each probe therefore looks like a new flow to a load balancer;
 * Paris-style constant flows come with a later strategy.
 */
final class ClassicStrategy {
  private final TraceRequest request;

  ClassicStrategy(TraceRequest request) {
    this.request = request;
  }

  OutgoingProbe probe(ProbeSlot slot) {
    int dstPort = switch (request.protocol()) {
      case UDP -> request.fixedPort() ? request.port() : wrapPort(request.port() + slot.sequence);
      case TCP -> request.port();
      case ICMP -> 0;
    };
    return new OutgoingProbe(slot.ttl, 0, dstPort, slot.sequence);
  }

  /** Ports run 1..65535; a start near the top wraps round rather than producing port 0. */
  private static int wrapPort(int port) {
    return (port - 1) % 65535 + 1;
  }
}
