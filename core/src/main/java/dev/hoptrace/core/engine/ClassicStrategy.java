package dev.hoptrace.core.engine;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.Protocol;

/**
 * Classic traceroute's wire layout: UDP to a destination port that grows by one with every probe
 * (starting at {@code -p}, 33434 by default) unless the port is fixed; TCP to a fixed port; ICMP
 * echo with the probe's sequence. Each probe therefore looks like a new flow to a load balancer
 * (a UDP port, an echo checksum, an unprivileged socket's source port change); {@link
 * ParisStrategy} keeps one flow instead.
 */
final class ClassicStrategy implements Strategy {
  private final TraceRequest request;

  ClassicStrategy(TraceRequest request) {
    this.request = request;
  }

  @Override
  public OutgoingProbe probe(ProbeSlot slot) {
    int dstPort = switch (request.protocol()) {
      case UDP -> request.fixedPort() ? request.port() : wrapPort(request.port() + slot.sequence);
      case TCP -> request.port();
      case ICMP -> 0;
    };
    return new OutgoingProbe(slot.ttl, 0, dstPort, slot.sequence);
  }

  /**
   * Classic UDP carries the sequence in the destination port, which must stay above the first
   * port (as traceroute's and mtr's do), so a continuous trace wraps there rather than walking
   * into the well-known ports. With a fixed port, raw sessions carry it in the UDP checksum,
   * where 0 is sent as 0xffff: 65535 is left out so that it never shares a key with 0.
   */
  @Override
  public int sequenceSpace() {
    if (request.protocol() != Protocol.UDP) {
      return 65536;
    }
    if (request.fixedPort()) {
      return 65535;
    }
    int space = 65536 - request.port();
    return space >= Matcher.REMEMBERED ? space : 65536;
  }

  /** Ports run 1..65535; a start near the top wraps round rather than producing port 0. */
  private static int wrapPort(int port) {
    return (port - 1) % 65535 + 1;
  }
}
