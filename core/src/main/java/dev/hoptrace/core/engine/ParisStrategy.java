package dev.hoptrace.core.engine;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.Protocol;

/**
 * Paris traceroute (Augustin et al., IMC 2006): every probe of the trace, at every TTL, carries
 * the same values in the fields per-flow load balancers hash, so all of them follow one path and
 * each hop shows the router of that path, never a mix of parallel ones. The probe's identity moves
 * to where balancers do not look and every router quotes it: the UDP checksum, the ICMP echo
 * sequence (with the checksum held by two payload bytes), the TCP sequence number. Which session
 * kind can do that, and how, is in docs/paris.md.
 */
final class ParisStrategy implements Strategy {
  private final TraceRequest request;
  private final FlowId flow;

  ParisStrategy(TraceRequest request, FlowId flow) {
    this.request = request;
    this.flow = flow;
  }

  @Override
  public OutgoingProbe probe(ProbeSlot slot) {
    return switch (request.protocol()) {
      case UDP -> new OutgoingProbe(slot.ttl, 0, flow.udpPort(request.port()), slot.sequence);
      case TCP -> new OutgoingProbe(slot.ttl, 0, request.port(), slot.sequence);
      case ICMP -> new OutgoingProbe(slot.ttl, 0, 0, slot.sequence, flow.icmpChecksum());
    };
  }

  /**
   * UDP carries the sequence as its checksum, where 0 is sent as 0xffff (RFC 768): sequences 0
   * and 65535 would look alike, so 65535 is never used.
   */
  @Override
  public int sequenceSpace() {
    return request.protocol() == Protocol.UDP ? 65535 : 65536;
  }
}
