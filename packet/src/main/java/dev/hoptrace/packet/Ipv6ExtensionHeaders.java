package dev.hoptrace.packet;

/**
 * Walks IPv6 extension headers to find the upper-layer header (RFC 8200 §4).
 *
 * <p>Hop-by-Hop (0), Routing (43), Destination Options (60) and Mobility (135) share the generic
 * shape "next header, length in 8-byte units not counting the first 8" (RFC 8200 §4.3, §4.4,
 * §4.6; RFC 6275 §6.1); Fragment (44) is 8 bytes (§4.5); AH (51) counts 4-byte units minus 2
 * (RFC 4302 §2.2). Anything else, ESP and No Next Header included, ends the walk and is
 * reported as the protocol. At most {@value #MAX_HEADERS} headers are walked.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * .                     header-specific data                      .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Ipv6ExtensionHeaders {
  /** More than any real packet needs; RFC 8200 §4.1 recommends each type appear at most once. */
  public static final int MAX_HEADERS = 8;

  public static final int HOP_BY_HOP = 0;
  public static final int ROUTING = 43;
  public static final int FRAGMENT = 44;
  public static final int AUTHENTICATION = 51;
  public static final int DESTINATION_OPTIONS = 60;
  public static final int MOBILITY = 135;

  private Ipv6ExtensionHeaders() {}

  /**
   * Finds the upper-layer header.
   *
   * @param b the bytes
   * @param off where the first extension header (or the transport header) starts
   * @param len bytes available from {@code off}
   * @param nextHeader the fixed header's next header field
   */
  public static TransportLocation locate(byte[] b, int off, int len, int nextHeader)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    int pos = 0;
    int next = nextHeader;
    for (int walked = 0; isExtension(next); walked++) {
      if (walked == MAX_HEADERS) {
        throw new MalformedPacketException(
            "more than " + MAX_HEADERS + " IPv6 extension headers at offset " + (off + pos));
      }
      if (len - pos < 8) {
        return new TransportLocation(next, off + pos, TransportLocation.Status.TRUNCATED);
      }
      int following = Wire.u8(b, off + pos);
      if (next == FRAGMENT) {
        int fragmentOffset = Wire.u16(b, off + pos + 2) >>> 3;
        if (fragmentOffset != 0) { // RFC 8200 §4.5: only the first fragment has the upper layer
          return new TransportLocation(
              following, off + pos + 8, TransportLocation.Status.NOT_FIRST_FRAGMENT);
        }
        pos += 8;
      } else if (next == AUTHENTICATION) {
        pos += (Wire.u8(b, off + pos + 1) + 2) * 4;
      } else {
        pos += (Wire.u8(b, off + pos + 1) + 1) * 8;
      }
      next = following;
    }
    if (pos > len) {
      return new TransportLocation(next, off + pos, TransportLocation.Status.TRUNCATED);
    }
    return new TransportLocation(next, off + pos, TransportLocation.Status.PRESENT);
  }

  public static boolean isExtension(int nextHeader) {
    return switch (nextHeader) {
      case HOP_BY_HOP, ROUTING, FRAGMENT, AUTHENTICATION, DESTINATION_OPTIONS, MOBILITY -> true;
      default -> false;
    };
  }
}
