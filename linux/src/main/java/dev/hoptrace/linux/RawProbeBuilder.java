package dev.hoptrace.linux;

import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.ParisChecksum;
import dev.hoptrace.packet.SynSequence;
import dev.hoptrace.packet.Tcp;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.Wire;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Builds whole raw probes, IP header included, with the packet module's encoders, and says which
 * {@link WireKey} their replies will quote:
 *
 * <ul>
 *   <li>UDP: source port = the reserved port, destination port = the engine's; the UDP checksum
 *       carries the sequence (two payload bytes compensate, the Paris traceroute trick), so
 *       probes stay apart even with a fixed destination port. Key = (port, dstPort, checksum on
 *       the wire); IPv4 ID = sequence too, for people reading captures.
 *   <li>TCP: a SYN from the reserved port; the TCP sequence number is the probe sequence. Key =
 *       (port, dstPort, sequence); a SYN-ACK or RST acknowledges sequence + 1.
 *   <li>ICMP: echo id = the reserved port, echo sequence = the probe sequence. Key = (0, 0,
 *       sequence), as for ping sockets. Paris: two payload bytes hold the checksum at the flow's.
 * </ul>
 *
 * Every hashed field but the UDP destination port and the ICMP checksum is the session's and the
 * same for every probe (addresses, ports, TOS, flow label 0): a Paris strategy, which keeps those
 * two constant, gets one flow.
 */
final class RawProbeBuilder {
  private static final int TCP_WINDOW = 5840;

  private final Protocol protocol;
  private final InetAddress source;
  private final InetAddress destination;
  private final int ident;
  private final int tos;
  private final boolean dontFragment;
  private final int packetLength;
  private final int minimumPayload;
  private final int headers;
  private final byte[] payload;

  /** A built probe: the bytes to hand to the raw socket and the identity its replies carry. */
  record Built(byte[] packet, WireKey key) {}

  RawProbeBuilder(
      Protocol protocol, InetAddress source, InetAddress destination, int ident, int tos,
      int packetLength, boolean paris) {
    this(protocol, source, destination, ident, tos, packetLength, paris, false);
  }

  /**
   * @param dontFragment path MTU discovery: each probe may have its own size, a SYN then
   *     carries data up to it (otherwise it is bare whatever the length); IPv4 probes leave
   *     with DF set ({@link RawSession})
   */
  RawProbeBuilder(
      Protocol protocol, InetAddress source, InetAddress destination, int ident, int tos,
      int packetLength, boolean paris, boolean dontFragment) {
    this.protocol = protocol;
    this.dontFragment = dontFragment;
    this.packetLength = packetLength;
    this.source = source;
    this.destination = destination;
    this.ident = ident;
    this.tos = tos;
    int ip = destination instanceof Inet6Address ? Ipv6Header.LENGTH : Ipv4Header.MIN_LENGTH;
    int transport = switch (protocol) {
      case UDP -> Udp.LENGTH;
      case TCP -> Tcp.MIN_LENGTH;
      case ICMP -> IcmpV4.LENGTH;
    };
    // UDP, and Paris ICMP, need two bytes of payload for the checksum compensation.
    boolean compensates = protocol == Protocol.UDP || (paris && protocol == Protocol.ICMP);
    this.minimumPayload = compensates ? ParisChecksum.SLOT : 0;
    this.headers = ip + transport;
    this.payload = Payloads.pattern(Math.max(minimumPayload, packetLength - headers));
  }

  /** The payload of a probe: the session's, or one that makes it its own size. */
  private byte[] payloadOf(OutgoingProbe probe) {
    if (probe.size() == OutgoingProbe.SESSION_SIZE) {
      return protocol == Protocol.TCP ? new byte[0] : payload;
    }
    if (probe.size() == packetLength && protocol != Protocol.TCP) {
      return payload;
    }
    return Payloads.pattern(Math.max(minimumPayload, probe.size() - headers));
  }

  Built build(OutgoingProbe probe) {
    byte[] segment;
    WireKey key;
    byte[] payload = payloadOf(probe);
    switch (protocol) {
      case UDP -> {
        segment = ParisChecksum.udp(source, destination, ident, probe.dstPort(), payload,
            probe.sequence());
        key = new WireKey(ident, probe.dstPort(), Wire.u16(segment, 6));
      }
      case TCP -> {
        long sequence = SynSequence.onWire(probe.sequence(), dontFragment);
        segment = Tcp.syn(ident, probe.dstPort(), sequence, TCP_WINDOW, new byte[0])
            .encode(source, destination, payload);
        key = new WireKey(ident, probe.dstPort(), sequence);
      }
      case ICMP -> {
        segment = destination instanceof Inet6Address d6
            ? IcmpV6.echoRequest((Inet6Address) source, d6, ident, probe.sequence(), payload)
            : IcmpV4.echoRequest(ident, probe.sequence(), payload);
        if (probe.holdsIcmpChecksum()) {
          ParisChecksum.holdEcho(segment, probe.icmpChecksum());
        }
        key = new WireKey(0, 0, probe.sequence());
      }
      default -> throw new AssertionError(protocol);
    }
    // IPv4 ID: UDP repeats the checksum, the others carry the sequence for people reading captures.
    int ipId = protocol == Protocol.UDP ? (int) key.sequence() : probe.sequence();
    return new Built(withIpHeader(probe, segment, ipId), key);
  }

  private byte[] withIpHeader(OutgoingProbe probe, byte[] segment, int ipId) {
    int next = switch (protocol) {
      case UDP -> Ipv4Header.PROTOCOL_UDP;
      case TCP -> Ipv4Header.PROTOCOL_TCP;
      case ICMP -> destination instanceof Inet6Address
          ? Ipv6Header.NEXT_HEADER_ICMPV6 : Ipv4Header.PROTOCOL_ICMP;
    };
    if (destination instanceof Inet6Address d6) {
      // Flow label 0 for every probe: load balancers that hash it see one flow.
      return new Ipv6Header(tos, 0, segment.length, next, probe.ttl(), (Inet6Address) source, d6)
          .encodeWith(segment);
    }
    return new Ipv4Header(tos, Ipv4Header.MIN_LENGTH + segment.length, ipId, 0, 0,
            probe.ttl(), next, 0, (Inet4Address) source, (Inet4Address) destination, 0)
        .encodeWith(segment);
  }
}
