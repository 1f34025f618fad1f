package dev.hoptrace.packet.icmp;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.ext.IcmpExtensionEncoder;
import dev.hoptrace.packet.ext.IcmpExtensionLocator;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;

/**
 * Builds ICMP and ICMPv6 errors that quote an original datagram the way a Linux router does:
 * as much of the datagram as fits in 576 bytes of IPv4 (RFC 1812 §4.3.2.3) or 1280 bytes of IPv6
 * (RFC 4443 §2.4(c)). With RFC 4884 extensions the quote is cut or zero-padded to 128 bytes and
 * the length attribute says so; Linux itself adds no extensions, MPLS routers do.
 */
public final class IcmpErrorEncoder {
  /** Quote room in an IPv4 error: 576 − 20 (IP) − 8 (ICMP), as Linux {@code icmp_send} has it. */
  public static final int MAX_QUOTE_V4 = 576 - 20 - 8;
  /** Quote room in an ICMPv6 error: 1280 − 40 − 8, what Linux {@code icmp6_send} uses. */
  public static final int MAX_QUOTE_V6 = 1280 - 40 - 8;
  /** TOS of ICMP errors Linux sends: precedence "internetwork control". */
  public static final int LINUX_ERROR_TOS = 0xc0;

  private IcmpErrorEncoder() {}

  public static byte[] timeExceededV4(byte[] original, IcmpExtensions extensions) {
    return icmpV4(IcmpV4.TIME_EXCEEDED, 0, 0, original, extensions, true);
  }

  /** Destination Unreachable; {@code nextHopMtu} only for code 4, else 0 (RFC 1191 §4). */
  public static byte[] destinationUnreachableV4(int code, int nextHopMtu, byte[] original,
      IcmpExtensions extensions) {
    return icmpV4(IcmpV4.DESTINATION_UNREACHABLE, code, nextHopMtu & 0xffff, original,
        extensions, true);
  }

  /**
   * An ICMP error message (header, quote, extensions) with its checksum.
   *
   * @param restOfHeader the second header word; the length attribute (byte 5) is set here
   * @param announceLength false builds the non-compliant form (RFC 4884 §5.5): extensions after a
   *     128-byte quote with the length attribute left 0
   */
  public static byte[] icmpV4(int type, int code, int restOfHeader, byte[] original,
      IcmpExtensions extensions, boolean announceLength) {
    if (extensions.isEmpty()) {
      return IcmpV4.encode(type, code, restOfHeader,
          Arrays.copyOf(original, Math.min(original.length, MAX_QUOTE_V4)));
    }
    byte[] body = withExtensions(original, extensions);
    int words = announceLength ? IcmpExtensionLocator.MIN_ORIGINAL_DATAGRAM / 4 : 0;
    return IcmpV4.encode(type, code, restOfHeader & 0xff00ffff | words << 16, body);
  }

  /**
   * An ICMPv6 error message with its checksum over the pseudo-header.
   *
   * @param router the error's source address
   * @param destination the error's destination (the original datagram's source)
   */
  public static byte[] icmpV6(Inet6Address router, Inet6Address destination, int type, int code,
      int restOfHeader, byte[] original, IcmpExtensions extensions, boolean announceLength) {
    if (extensions.isEmpty()) {
      return IcmpV6.encode(router, destination, type, code, restOfHeader,
          Arrays.copyOf(original, Math.min(original.length, MAX_QUOTE_V6)));
    }
    if (type != IcmpV6.DESTINATION_UNREACHABLE && type != IcmpV6.TIME_EXCEEDED) {
      throw new IllegalArgumentException("ICMPv6 type " + type + " has no RFC 4884 length");
    }
    byte[] body = withExtensions(original, extensions);
    int words = announceLength ? IcmpExtensionLocator.MIN_ORIGINAL_DATAGRAM / 8 : 0;
    return IcmpV6.encode(router, destination, type, code,
        restOfHeader & 0x00ffffff | words << 24, body);
  }

  public static byte[] timeExceededV6(Inet6Address router, Inet6Address destination,
      byte[] original, IcmpExtensions extensions) {
    return icmpV6(router, destination, IcmpV6.TIME_EXCEEDED, 0, 0, original, extensions, true);
  }

  public static byte[] packetTooBig(Inet6Address router, Inet6Address destination, int mtu,
      byte[] original) {
    return icmpV6(router, destination, IcmpV6.PACKET_TOO_BIG, 0, mtu, original,
        IcmpExtensions.NONE, true);
  }

  /** An IPv4 packet carrying {@code icmp} with the outer header Linux gives its errors. */
  public static byte[] ipv4Packet(Inet4Address router, Inet4Address destination, int ttl,
      int identification, byte[] icmp) {
    Ipv4Header h = new Ipv4Header(LINUX_ERROR_TOS, Ipv4Header.MIN_LENGTH + icmp.length,
        identification, 0, 0, ttl, Ipv4Header.PROTOCOL_ICMP, 0, router, destination, 0);
    return h.encodeWith(icmp);
  }

  private static byte[] withExtensions(byte[] original, IcmpExtensions extensions) {
    int quote = IcmpExtensionLocator.MIN_ORIGINAL_DATAGRAM;
    byte[] structure = IcmpExtensionEncoder.encode(extensions);
    byte[] body = new byte[quote + structure.length];
    System.arraycopy(original, 0, body, 0, Math.min(original.length, quote));
    System.arraycopy(structure, 0, body, quote, structure.length);
    return body;
  }
}
