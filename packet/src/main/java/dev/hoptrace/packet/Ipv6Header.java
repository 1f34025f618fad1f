package dev.hoptrace.packet;

import java.net.Inet6Address;

/**
 * The fixed IPv6 header (RFC 8200 §3). Extension headers that follow are walked by {@link
 * Ipv6ExtensionHeaders}.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                         Source Address (128 bits)             +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                      Destination Address (128 bits)           +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param payloadLength bytes after this 40-byte header, extension headers included
 */
public record Ipv6Header(
    int trafficClass,
    int flowLabel,
    int payloadLength,
    int nextHeader,
    int hopLimit,
    Inet6Address source,
    Inet6Address destination)
    implements IpHeader {

  public static final int LENGTH = 40;
  public static final int NEXT_HEADER_TCP = 6;
  public static final int NEXT_HEADER_UDP = 17;
  public static final int NEXT_HEADER_ICMPV6 = 58;

  public Ipv6Header {
    Fields.check("traffic class", trafficClass, 0xff);
    Fields.check("flow label", flowLabel, 0xfffff);
    Fields.check("payload length", payloadLength, 0xffff);
    Fields.check("next header", nextHeader, 0xff);
    Fields.check("hop limit", hopLimit, 0xff);
  }

  /**
   * Decodes the fixed header. The payload length is not checked against {@code len}: a quoted
   * header legitimately describes more bytes than were quoted. A payload length of 0 with a
   * Hop-by-Hop header (a jumbogram, RFC 2675) is accepted as it is.
   */
  public static Ipv6Header decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, "IPv6 header", off);
    int first = Wire.i32(b, off);
    int version = first >>> 28;
    if (version != 6) {
      throw new MalformedPacketException("IP version " + version + " != 6 at offset " + off);
    }
    return new Ipv6Header(
        first >>> 20 & 0xff, first & 0xfffff, Wire.u16(b, off + 4), Wire.u8(b, off + 6),
        Wire.u8(b, off + 7), Wire.inet6(b, off + 8), Wire.inet6(b, off + 24));
  }

  /** Writes the 40-byte header at {@code off}; returns the bytes written. */
  public int encode(byte[] out, int off) {
    Wire.checkRange(out, off, LENGTH);
    Wire.put32(out, off, 6L << 28 | (long) trafficClass << 20 | flowLabel);
    Wire.put16(out, off + 4, payloadLength);
    Wire.put8(out, off + 6, nextHeader);
    Wire.put8(out, off + 7, hopLimit);
    Wire.putAddress(out, off + 8, source);
    Wire.putAddress(out, off + 24, destination);
    return LENGTH;
  }

  /** This header followed by {@code payload}; the payload length must match. */
  public byte[] encodeWith(byte[] payload) {
    if (payloadLength != payload.length) {
      throw new IllegalArgumentException(
          "payload length " + payloadLength + " != " + payload.length);
    }
    byte[] out = new byte[LENGTH + payload.length];
    encode(out, 0);
    System.arraycopy(payload, 0, out, LENGTH, payload.length);
    return out;
  }

  @Override
  public int version() {
    return 6;
  }

  @Override
  public int headerLength() {
    return LENGTH;
  }

  @Override
  public int nextProtocol() {
    return nextHeader;
  }

  @Override
  public int datagramLength() {
    return LENGTH + payloadLength;
  }
}
