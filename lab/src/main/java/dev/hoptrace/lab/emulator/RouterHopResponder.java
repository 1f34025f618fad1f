package dev.hoptrace.lab.emulator;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.InetAddress;
import java.util.List;

/**
 * A router hop in the order Linux's {@code ip_forward} / {@code ip6_forward} check things: an
 * expiring packet (TTL or hop limit ≤ 1) gets Time Exceeded; then one too long for the far link
 * gets Fragmentation Needed (IPv4 with DF) or Packet Too Big (IPv6), or is dropped (IPv4 without
 * DF: fragmenting is not emulated); the rest leave with TTL / hop limit one lower.
 *
 * <p>Answers quote the packet as it arrived (TTL still 1), from the hop's address facing the
 * asker, with TTL 64 as Linux sends them. Time Exceeded carries the configured MPLS label stack
 * (RFC 4950) and interface information (RFC 5837) in an RFC 4884 extension structure, which cuts
 * or pads the quote to 128 bytes. A hop with a {@link RouterHop#quote} cuts every quote to the IP
 * header and that many bytes.
 */
final class RouterHopResponder implements Hop {
  private static final int REPLY_TTL = 64;

  private final RouterHop hop;
  private final IcmpExtensions extensions;
  private int identification;

  RouterHopResponder(RouterHop hop) {
    this.hop = hop;
    this.extensions = new IcmpExtensions(hop.mplsLabels(), hop.interfaces(), List.of());
  }

  @Override
  public Outcome pass(byte[] packet, Leg.Side from, int egressMtu) {
    try {
      return switch (packet.length == 0 ? 0 : Wire.u8(packet, 0) >>> 4) {
        case 4 -> passV4(packet, from, egressMtu);
        case 6 -> passV6(packet, from, egressMtu);
        default -> Outcome.drop(Count.MALFORMED);
      };
    } catch (MalformedPacketException e) {
      return Outcome.drop(Count.MALFORMED);
    }
  }

  private Outcome passV4(byte[] packet, Leg.Side from, int egressMtu)
      throws MalformedPacketException {
    Ipv4Header h = Ipv4Header.decode(packet, 0, packet.length);
    RouterHop.Face face = hop.face(from);
    if (!routable(h.source(), h.destination()) || isOwn(h.destination())) {
      return Outcome.drop(Count.NOT_FORWARDED);
    }
    if (h.ttl() <= 1) {
      if (face.ipv4() == null || !mayAnswerV4(h, packet)) {
        return Outcome.drop(Count.NOT_FORWARDED);
      }
      byte[] icmp = IcmpErrorEncoder.timeExceededV4(hop.quoted(packet, h.headerLength()),
          extensions);
      return Outcome.answer(IcmpErrorEncoder.ipv4Packet(face.ipv4(), h.source(), REPLY_TTL,
          nextIdentification(), icmp), Count.TIME_EXCEEDED_SENT);
    }
    if (packet.length > egressMtu) {
      if (!h.dontFragment() || face.ipv4() == null || !mayAnswerV4(h, packet)) {
        return Outcome.drop(Count.TOO_BIG_DROPPED);
      }
      byte[] icmp = IcmpErrorEncoder.destinationUnreachableV4(
          IcmpV4.CODE_FRAGMENTATION_NEEDED, egressMtu, hop.quoted(packet, h.headerLength()),
          IcmpExtensions.NONE);
      return Outcome.answer(IcmpErrorEncoder.ipv4Packet(face.ipv4(), h.source(), REPLY_TTL,
          nextIdentification(), icmp), Count.TOO_BIG_ANSWERED);
    }
    byte[] out = packet.clone();
    Wire.put8(out, 8, h.ttl() - 1);
    // A full recomputation over at most 60 bytes; simpler to trust than RFC 1624's update.
    Wire.put16(out, 10, 0);
    Wire.put16(out, 10, Checksum.of(out, 0, h.headerLength()));
    return Outcome.forward(out);
  }

  private Outcome passV6(byte[] packet, Leg.Side from, int egressMtu)
      throws MalformedPacketException {
    Ipv6Header h = Ipv6Header.decode(packet, 0, packet.length);
    RouterHop.Face face = hop.face(from);
    if (!routable(h.source(), h.destination()) || isOwn(h.destination())) {
      return Outcome.drop(Count.NOT_FORWARDED);
    }
    if (h.hopLimit() <= 1) {
      if (face.ipv6() == null || isIcmpV6Error(h, packet)) {
        return Outcome.drop(Count.NOT_FORWARDED);
      }
      byte[] icmp = IcmpErrorEncoder.timeExceededV6(face.ipv6(), h.source(),
          hop.quoted(packet, Ipv6Header.LENGTH), extensions);
      return Outcome.answer(ipv6Packet(face, h, icmp), Count.TIME_EXCEEDED_SENT);
    }
    if (packet.length > egressMtu) {
      if (face.ipv6() == null || isIcmpV6Error(h, packet)) {
        return Outcome.drop(Count.TOO_BIG_DROPPED);
      }
      byte[] icmp = IcmpErrorEncoder.packetTooBig(face.ipv6(), h.source(), egressMtu,
          hop.quoted(packet, Ipv6Header.LENGTH));
      return Outcome.answer(ipv6Packet(face, h, icmp), Count.TOO_BIG_ANSWERED);
    }
    byte[] out = packet.clone();
    Wire.put8(out, 7, h.hopLimit() - 1); // no header checksum in IPv6
    return Outcome.forward(out);
  }

  private static byte[] ipv6Packet(RouterHop.Face face, Ipv6Header probe, byte[] icmp) {
    return new Ipv6Header(0, 0, icmp.length, Ipv6Header.NEXT_HEADER_ICMPV6, REPLY_TTL,
        face.ipv6(), probe.source()).encodeWith(icmp);
  }

  /**
   * RFC 1812 §4.3.2.7: no ICMP error about an ICMP error or about a fragment other than the
   * first. (Broadcast, multicast and unspecified sources never get this far.)
   */
  private static boolean mayAnswerV4(Ipv4Header h, byte[] packet) {
    if (h.fragmentOffset() != 0) {
      return false;
    }
    if (h.protocol() != Ipv4Header.PROTOCOL_ICMP || packet.length <= h.headerLength()) {
      return true;
    }
    int type = Wire.u8(packet, h.headerLength());
    return type != IcmpV4.DESTINATION_UNREACHABLE && type != IcmpV4.TIME_EXCEEDED
        && type != IcmpV4.PARAMETER_PROBLEM && type != 4 && type != 5; // source quench, redirect
  }

  /** RFC 4443 §2.4(e.1): no error about an error (types below 128). */
  private static boolean isIcmpV6Error(Ipv6Header h, byte[] packet) {
    return h.nextHeader() == Ipv6Header.NEXT_HEADER_ICMPV6
        && packet.length > Ipv6Header.LENGTH
        && Wire.u8(packet, Ipv6Header.LENGTH) < IcmpV6.ECHO_REQUEST;
  }

  /** A router forwards only unicast with global scope; link-local and multicast stay put. */
  private static boolean routable(InetAddress source, InetAddress destination) {
    return unicastBeyondLink(source) && unicastBeyondLink(destination)
        && !isLimitedBroadcast(destination);
  }

  private static boolean unicastBeyondLink(InetAddress a) {
    return !a.isMulticastAddress() && !a.isAnyLocalAddress() && !a.isLoopbackAddress()
        && !a.isLinkLocalAddress();
  }

  private static boolean isLimitedBroadcast(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
  }

  /** Packets for the hop itself: it has no stack to take them, so they are dropped. */
  private boolean isOwn(InetAddress destination) {
    for (RouterHop.Face f : List.of(hop.towardA(), hop.towardB())) {
      if (destination.equals(f.ipv4()) || destination.equals(f.ipv6())) {
        return true;
      }
    }
    return false;
  }

  private int nextIdentification() {
    identification = (identification + 1) & 0xffff;
    return identification;
  }
}
