package dev.hoptrace.packet;

import java.net.Inet4Address;

/**
 * An IPv4 header (RFC 791 §3.1). Options are not interpreted; only their length is kept, and the
 * encoder writes them as zero bytes (End of Option List, valid padding).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param tos the whole type-of-service byte (DSCP and ECN)
 * @param flags the 3 flag bits: reserved, DF, MF
 * @param fragmentOffset in 8-byte units
 * @param checksum the header checksum as on the wire; the encoder computes its own
 * @param optionsLength bytes of options, a multiple of 4 up to 40
 */
public record Ipv4Header(
    int tos,
    int totalLength,
    int identification,
    int flags,
    int fragmentOffset,
    int ttl,
    int protocol,
    int checksum,
    Inet4Address source,
    Inet4Address destination,
    int optionsLength)
    implements IpHeader {

  public static final int MIN_LENGTH = 20;
  public static final int FLAG_DF = 0b010;
  public static final int FLAG_MF = 0b001;
  public static final int PROTOCOL_ICMP = 1;
  public static final int PROTOCOL_TCP = 6;
  public static final int PROTOCOL_UDP = 17;

  public Ipv4Header {
    Fields.check("TOS", tos, 0xff);
    Fields.check("total length", totalLength, 0xffff);
    Fields.check("identification", identification, 0xffff);
    Fields.check("flags", flags, 0b111);
    Fields.check("fragment offset", fragmentOffset, 0x1fff);
    Fields.check("TTL", ttl, 0xff);
    Fields.check("protocol", protocol, 0xff);
    Fields.check("checksum", checksum, 0xffff);
    if (optionsLength < 0 || optionsLength > 40 || optionsLength % 4 != 0) {
      throw new IllegalArgumentException("options length " + optionsLength);
    }
  }

  /** A header with no options, DF clear, TOS 0, for a payload of {@code payloadLength} bytes. */
  public static Ipv4Header of(
      int protocol, int ttl, int identification, Inet4Address src, Inet4Address dst,
      int payloadLength) {
    return new Ipv4Header(
        0, MIN_LENGTH + payloadLength, identification, 0, 0, ttl, protocol, 0, src, dst, 0);
  }

  /**
   * Decodes the header at {@code off}. The total length is checked against the header length but
   * not against {@code len}: a quoted header legitimately describes more bytes than were quoted.
   */
  public static Ipv4Header decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, MIN_LENGTH, "IPv4 header", off);
    int version = Wire.u8(b, off) >>> 4;
    if (version != 4) {
      throw new MalformedPacketException("IP version " + version + " != 4 at offset " + off);
    }
    int ihl = Wire.u8(b, off) & 0x0f;
    if (ihl < 5) { // RFC 791 §3.1: the minimum value for a correct header is 5
      throw new MalformedPacketException(
          "IPv4 header length " + ihl + " words < 5 at offset " + off);
    }
    Wire.require(len, ihl * 4, "IPv4 header with options", off);
    int totalLength = Wire.u16(b, off + 2);
    if (totalLength < ihl * 4) {
      throw new MalformedPacketException(
          "IPv4 total length " + totalLength + " < header length " + ihl * 4 + " at offset " + off);
    }
    int flagsAndOffset = Wire.u16(b, off + 6);
    return new Ipv4Header(
        Wire.u8(b, off + 1), totalLength, Wire.u16(b, off + 4), flagsAndOffset >>> 13,
        flagsAndOffset & 0x1fff, Wire.u8(b, off + 8), Wire.u8(b, off + 9), Wire.u16(b, off + 10),
        Wire.inet4(b, off + 12), Wire.inet4(b, off + 16), ihl * 4 - MIN_LENGTH);
  }

  /** Writes the header at {@code off} with a computed checksum; returns the bytes written. */
  public int encode(byte[] out, int off) {
    int n = headerLength();
    Wire.checkRange(out, off, n);
    java.util.Arrays.fill(out, off, off + n, (byte) 0);
    Wire.put8(out, off, 0x40 | n / 4);
    Wire.put8(out, off + 1, tos);
    Wire.put16(out, off + 2, totalLength);
    Wire.put16(out, off + 4, identification);
    Wire.put16(out, off + 6, flags << 13 | fragmentOffset);
    Wire.put8(out, off + 8, ttl);
    Wire.put8(out, off + 9, protocol);
    Wire.putAddress(out, off + 12, source);
    Wire.putAddress(out, off + 16, destination);
    Wire.put16(out, off + 10, Checksum.of(out, off, n));
    return n;
  }

  /** This header followed by {@code payload}; the total length must describe exactly that. */
  public byte[] encodeWith(byte[] payload) {
    if (totalLength != headerLength() + payload.length) {
      throw new IllegalArgumentException(
          "total length " + totalLength + " != " + headerLength() + " + " + payload.length);
    }
    byte[] out = new byte[totalLength];
    encode(out, 0);
    System.arraycopy(payload, 0, out, headerLength(), payload.length);
    return out;
  }

  /** The IHL field: header length in 32-bit words. */
  public int ihl() {
    return headerLength() / 4;
  }

  public boolean dontFragment() {
    return (flags & FLAG_DF) != 0;
  }

  public boolean moreFragments() {
    return (flags & FLAG_MF) != 0;
  }

  public Ipv4Header withTtl(int newTtl) {
    return new Ipv4Header(tos, totalLength, identification, flags, fragmentOffset, newTtl,
        protocol, checksum, source, destination, optionsLength);
  }

  public Ipv4Header withChecksum(int newChecksum) {
    return new Ipv4Header(tos, totalLength, identification, flags, fragmentOffset, ttl,
        protocol, newChecksum, source, destination, optionsLength);
  }

  /**
   * Sets Don't Fragment in the encoded packet {@code b}, whose IPv4 header starts at 0, and
   * recomputes the header checksum: what probes of a path MTU discovery carry.
   */
  public static void setDontFragment(byte[] b) {
    Wire.checkRange(b, 0, MIN_LENGTH);
    int length = (b[0] & 0x0f) * 4;
    Wire.checkRange(b, 0, length);
    Wire.put16(b, 6, Wire.u16(b, 6) | FLAG_DF << 13);
    Wire.put16(b, 10, 0);
    Wire.put16(b, 10, Checksum.of(b, 0, length));
  }

  @Override
  public int version() {
    return 4;
  }

  @Override
  public int hopLimit() {
    return ttl;
  }

  @Override
  public int headerLength() {
    return MIN_LENGTH + optionsLength;
  }

  @Override
  public int nextProtocol() {
    return protocol;
  }

  @Override
  public int datagramLength() {
    return totalLength;
  }
}
