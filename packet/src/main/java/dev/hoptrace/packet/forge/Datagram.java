package dev.hoptrace.packet.forge;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * One IPv4 or IPv6 packet as a {@link Forger} reads it: addresses, where its transport header
 * starts (IPv6 without extension headers, as probes are sent), and copies changed in the ways
 * the forger lies. Copies of IPv4 packets get their header checksum recomputed.
 *
 * @param bytes the whole packet, exactly as long as its IP header says
 */
record Datagram(int version, InetAddress source, InetAddress destination, int protocol,
    int transportOffset, byte[] bytes) {

  static Datagram decode(byte[] packet) throws MalformedPacketException {
    int version = packet.length == 0 ? 0 : Wire.u8(packet, 0) >>> 4;
    if (version == 4) {
      Ipv4Header h = Ipv4Header.decode(packet, 0, packet.length);
      int length = Math.min(packet.length, h.totalLength());
      return new Datagram(4, h.source(), h.destination(), h.protocol(), h.headerLength(),
          Arrays.copyOf(packet, length));
    }
    if (version == 6) {
      Ipv6Header h = Ipv6Header.decode(packet, 0, packet.length);
      int length = Math.min(packet.length, Ipv6Header.LENGTH + h.payloadLength());
      return new Datagram(6, h.source(), h.destination(), h.nextHeader(), Ipv6Header.LENGTH,
          Arrays.copyOf(packet, length));
    }
    throw new MalformedPacketException("IP version " + version);
  }

  private boolean icmp() {
    return protocol == (version == 4 ? Ipv4Header.PROTOCOL_ICMP : Ipv6Header.NEXT_HEADER_ICMPV6);
  }

  private int icmpType() {
    return Wire.u8(bytes, transportOffset);
  }

  /** A UDP or TCP segment, or an echo request, with at least 8 bytes of it. */
  boolean isProbe() {
    if (bytes.length < transportOffset + 8) {
      return false;
    }
    if (protocol == Ipv4Header.PROTOCOL_UDP || protocol == Ipv4Header.PROTOCOL_TCP) {
      return true;
    }
    return icmp() && icmpType() == (version == 4 ? IcmpV4.ECHO_REQUEST : IcmpV6.ECHO_REQUEST);
  }

  /** Destination Unreachable or Time Exceeded, with a quote to copy. */
  boolean isIcmpError() {
    if (!icmp() || bytes.length < transportOffset + 8) {
      return false;
    }
    int type = icmpType();
    return version == 4
        ? type == IcmpV4.DESTINATION_UNREACHABLE || type == IcmpV4.TIME_EXCEEDED
        : type == IcmpV6.DESTINATION_UNREACHABLE || type == IcmpV6.TIME_EXCEEDED;
  }

  /** The transport header and payload. */
  byte[] transport() {
    return Arrays.copyOfRange(bytes, transportOffset, bytes.length);
  }

  /** As a router quotes a probe that expired on it: TTL / hop limit 1. */
  Datagram withTtl1() {
    byte[] b = bytes.clone();
    Wire.put8(b, version == 4 ? 8 : 7, 1);
    return with(b);
  }

  /**
   * The same probe with another sequence, identity kept: a UDP destination port 500 further on
   * (classic UDP's sequence; the source port is the trace's), the echo sequence 500 further on
   * (the identifier kept), or the TCP sequence number 2^24 further on (the ports kept).
   */
  Datagram otherSequence() {
    byte[] b = bytes.clone();
    int t = transportOffset;
    if (protocol == Ipv4Header.PROTOCOL_UDP) {
      Wire.put16(b, t + 2, (Wire.u16(b, t + 2) - 1 + 500) % 65535 + 1);
    } else if (protocol == Ipv4Header.PROTOCOL_TCP) {
      Wire.put32(b, t + 4, (Wire.u32(b, t + 4) + (1L << 24)) & 0xffffffffL);
    } else {
      Wire.put16(b, t + 6, (Wire.u16(b, t + 6) + 500) & 0xffff);
    }
    return with(b);
  }

  /** The same probe addressed to {@code other}. */
  Datagram toDestination(InetAddress other) {
    byte[] b = bytes.clone();
    Wire.putAddress(b, version == 4 ? 16 : 24, other);
    return new Datagram(version, source, other, protocol, transportOffset, resum(b));
  }

  private Datagram with(byte[] b) {
    return new Datagram(version, source, destination, protocol, transportOffset, resum(b));
  }

  private byte[] resum(byte[] b) {
    if (version == 4) {
      Wire.put16(b, 10, 0);
      Wire.put16(b, 10, Checksum.of(b, 0, transportOffset));
    }
    return b;
  }
}
