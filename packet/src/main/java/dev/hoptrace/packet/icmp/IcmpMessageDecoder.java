package dev.hoptrace.packet.icmp;

import dev.hoptrace.packet.Checksum;
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
 * <p>The ICMPv4 checksum is verified: an AF_INET raw socket gets its copy of a packet before the
 * kernel's ICMP handler checks the checksum, so a forged or damaged message arrives as sent. The
 * ICMPv6 checksum is not (it needs the addresses the message does not carry; the kernel checks
 * it before an ICMPv6 raw socket or the error queue sees the message).
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
    int icmpLength = ip.totalLength() - hl;
    if (icmpLength >= ICMP_HEADER && Checksum.of(b, off + hl, icmpLength) != 0) {
      throw new MalformedPacketException("ICMP checksum 0x" + Integer.toHexString(
          Wire.u16(b, off + hl + 2)) + " does not sum to zero over " + icmpLength + " bytes");
    }
    return decode(4, Optional.of(ip), b, off + hl, icmpLength);
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
      } else {
        problem = lengthPastTheEnd(version, type, rest, len);
      }
    }
    return new IcmpMessage(outer, version, type, code, checksum, rest, quote, extensions,
        problem, off + ICMP_HEADER, len - ICMP_HEADER);
  }

  /**
   * A length attribute (RFC 4884 §4) that puts the original datagram's end past the message's:
   * a lie about the extension, as Linux's {@code ip_icmp_error_rfc4884_validate} sees it. The
   * quote up to the end stays usable; only the extension is lost.
   */
  private static Optional<String> lengthPastTheEnd(int version, int type, int rest, int len) {
    boolean eligible = version == 6 ? type == IcmpV6.DESTINATION_UNREACHABLE
        || type == IcmpV6.TIME_EXCEEDED : type == IcmpV4.DESTINATION_UNREACHABLE
        || type == IcmpV4.TIME_EXCEEDED || type == IcmpV4.PARAMETER_PROBLEM;
    int attribute = version == 6 ? rest >>> 24 : rest >>> 16 & 0xff;
    int quote = attribute * (version == 6 ? 8 : 4);
    if (!eligible || attribute == 0 || ICMP_HEADER + quote <= len) {
      return Optional.empty();
    }
    return Optional.of("RFC 4884 length attribute " + attribute + " puts the original datagram's "
        + "end at byte " + (ICMP_HEADER + quote) + " of a " + len + "-byte message");
  }
}
