package dev.hoptrace.packet.quote;

import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6ExtensionHeaders;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.TransportLocation;
import dev.hoptrace.packet.Wire;
import java.nio.ByteBuffer;

/**
 * Decodes the original datagram an ICMP or ICMPv6 error quotes (the bytes after its 8-byte
 * header, up to any RFC 4884 extension structure).
 *
 * <pre>
 * +--------------------------------+-----------------------------------------+
 * | quoted IPv4 header (+ options) | first bytes of the quoted transport ... |
 * | or IPv6 header (+ extensions)  | RFC 792: at least 8; Linux: up to 576   |
 * +--------------------------------+-----------------------------------------+
 * </pre>
 *
 * <p>The quoted IP header must be complete (RFC 792 and RFC 4443 §2.4(c) both quote it whole);
 * the transport header may be cut anywhere and is decoded as far as it reaches. Only lies are
 * malformed: a wrong IP version, IHL &lt; 5, a total length shorter than the header.
 */
public final class QuotedProbeDecoder {
  private QuotedProbeDecoder() {}

  public static QuotedProbe decode(ByteBuffer quote) throws MalformedPacketException {
    Wire.Slice s = Wire.slice(quote);
    return decode(s.array(), s.offset(), s.length());
  }

  /**
   * @param b the bytes
   * @param off where the quoted IP header starts
   * @param len the quote's length (stop before any extension structure)
   */
  public static QuotedProbe decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, 1, "quoted IP header", off);
    int version = Wire.u8(b, off) >>> 4;
    IpHeader ip;
    TransportLocation location;
    int quoted;
    if (version == 4) {
      Ipv4Header h = Ipv4Header.decode(b, off, len);
      ip = h;
      // Bytes past the stated total length are padding (RFC 4884 §4.1 pads to 128 bytes).
      quoted = Math.min(len, h.totalLength());
      location = new TransportLocation(h.protocol(), off + h.headerLength(),
          h.fragmentOffset() == 0 // RFC 791 §3.2: later fragments carry no transport header
              ? TransportLocation.Status.PRESENT
              : TransportLocation.Status.NOT_FIRST_FRAGMENT);
    } else if (version == 6) {
      Ipv6Header h = Ipv6Header.decode(b, off, len);
      ip = h;
      quoted = Math.min(len, h.datagramLength());
      location = Ipv6ExtensionHeaders.locate(
          b, off + Ipv6Header.LENGTH, quoted - Ipv6Header.LENGTH, h.nextHeader());
    } else {
      throw new MalformedPacketException("quoted IP version " + version + " at offset " + off);
    }
    return new QuotedProbe(ip, location, transport(version, location, b, off + quoted), quoted);
  }

  private static QuotedTransport transport(int version, TransportLocation at, byte[] b, int end)
      throws MalformedPacketException {
    int available = Math.max(0, end - at.offset());
    if (!at.isPresent()) {
      return new QuotedOpaque(at.protocol(), available);
    }
    int p = at.protocol();
    boolean icmp =
        version == 4 ? p == Ipv4Header.PROTOCOL_ICMP : p == Ipv6Header.NEXT_HEADER_ICMPV6;
    boolean ports = p == Ipv4Header.PROTOCOL_UDP || p == Ipv4Header.PROTOCOL_TCP;
    if (available >= 8 && p == Ipv4Header.PROTOCOL_UDP) {
      return QuotedUdp.decode(b, at.offset(), available);
    } else if (available >= 8 && p == Ipv4Header.PROTOCOL_TCP) {
      return QuotedTcp.decode(b, at.offset(), available);
    } else if (available >= 8 && icmp) {
      return QuotedIcmp.decode(version, b, at.offset(), available);
    } else if (available >= 4 && ports) { // shorter than RFC 792's 8 bytes: ports still match
      return new QuotedPorts(p, Wire.u16(b, at.offset()), Wire.u16(b, at.offset() + 2));
    }
    return new QuotedOpaque(p, available);
  }
}
