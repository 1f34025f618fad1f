package dev.hoptrace.packet.icmp;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensionDecoder;
import dev.hoptrace.packet.ext.IcmpExtensionLocator;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.quote.QuotedProbe;
import dev.hoptrace.packet.quote.QuotedProbeDecoder;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes what raw sockets deliver: a whole IPv4 packet carrying ICMP (AF_INET raw sockets start
 * at the IP header), or an ICMPv6 message alone (AF_INET6 raw sockets start at the ICMPv6 header).
 *
 * <pre>
 * [ IPv4 header ] [ ICMP header: 8 ] [ quoted datagram ... ] [ RFC 4884 extensions ]
 *                 [ ICMPv6 header: 8 ] [ quoted datagram ... ] [ RFC 4884 extensions ]
 * </pre>
 *
 * <p>The ICMP checksum is not verified (for ICMPv6 it needs addresses the message does not carry;
 * the kernel checks both before local delivery of errors).
 */
public final class IcmpMessageDecoder {
  private static final int ICMP_HEADER = 8;

  private IcmpMessageDecoder() {}

  public static IcmpMessage decodeIpv4Packet(ByteBuffer packet) throws MalformedPacketException {
    Wire.Slice s = Wire.slice(packet);
    return decodeIpv4Packet(s.array(), s.offset(), s.length());
  }

  public static IcmpMessage decodeIcmpV6(ByteBuffer message) throws MalformedPacketException {
    Wire.Slice s = Wire.slice(message);
    return decodeIcmpV6(s.array(), s.offset(), s.length());
  }

  /** Decodes an IPv4 packet that carries ICMP. Bytes past the IPv4 total length are ignored. */
  public static IcmpMessage decodeIpv4Packet(byte[] b, int off, int len)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Ipv4Header ip = Ipv4Header.decode(b, off, len);
    if (ip.totalLength() > len) {
      throw new MalformedPacketException("IPv4 total length " + ip.totalLength() + " > "
          + len + " bytes received at offset " + off);
    }
    if (ip.protocol() != Ipv4Header.PROTOCOL_ICMP) {
      throw new MalformedPacketException(
          "IPv4 protocol " + ip.protocol() + " is not ICMP at offset " + off);
    }
    if (ip.moreFragments() || ip.fragmentOffset() != 0) { // the kernel reassembles first
      throw new MalformedPacketException("IPv4 fragment, not a whole ICMP message, at offset "
          + off);
    }
    int hl = ip.headerLength();
    return decode(4, Optional.of(ip), b, off + hl, ip.totalLength() - hl);
  }

  /** Decodes an ICMPv6 message starting at its header. */
  public static IcmpMessage decodeIcmpV6(byte[] b, int off, int len)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    return decode(6, Optional.empty(), b, off, len);
  }

  private static IcmpMessage decode(int version, Optional<IpHeader> outer, byte[] b, int off,
      int len) throws MalformedPacketException {
    int type;
    int code;
    int checksum;
    int rest;
    boolean quotes;
    if (version == 4) {
      IcmpV4 h = IcmpV4.decode(b, off, len);
      type = h.type();
      code = h.code();
      checksum = h.checksum();
      rest = h.restOfHeader();
      quotes = h.isError();
    } else {
      IcmpV6 h = IcmpV6.decode(b, off, len);
      type = h.type();
      code = h.code();
      checksum = h.checksum();
      rest = h.restOfHeader();
      // RFC 4443 §2.4(b): unknown error types are passed up; only the four known ones quote.
      quotes = h.type() >= IcmpV6.DESTINATION_UNREACHABLE && h.type() <= IcmpV6.PARAMETER_PROBLEM;
    }
    Optional<QuotedProbe> quote = Optional.empty();
    IcmpExtensions extensions = IcmpExtensions.NONE;
    Optional<String> problem = Optional.empty();
    if (quotes) {
      OptionalInt at = IcmpExtensionLocator.locate(version, b, off, len);
      int quoteEnd = at.orElse(off + len);
      quote = Optional.of(
          QuotedProbeDecoder.decode(b, off + ICMP_HEADER, quoteEnd - off - ICMP_HEADER));
      if (at.isPresent()) {
        try {
          extensions = IcmpExtensionDecoder.decode(b, quoteEnd, off + len - quoteEnd);
        } catch (MalformedPacketException e) {
          problem = Optional.of(e.getMessage()); // the quote stays usable (RFC 4884 §5)
        }
      }
    }
    return new IcmpMessage(outer, version, type, code, checksum, rest, quote, extensions,
        problem, off + ICMP_HEADER, len - ICMP_HEADER);
  }
}
