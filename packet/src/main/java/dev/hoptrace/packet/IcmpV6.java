package dev.hoptrace.packet;

import java.net.Inet6Address;

/**
 * The 8-byte ICMPv6 header (RFC 4443 §2.1). The checksum covers an IPv6 pseudo-header (RFC 4443
 * §2.3), so encoders need the addresses.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Echo: Identifier             |  Echo: Sequence Number        |
 * |  Packet Too Big: MTU                                          |
 * |  Errors: Length (RFC 4884) |            unused                |
 * |  Parameter Problem: Pointer                                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param restOfHeader the second 32-bit word, raw
 */
public record IcmpV6(int type, int code, int checksum, int restOfHeader) {

  public static final int LENGTH = 8;
  public static final int DESTINATION_UNREACHABLE = 1;
  public static final int PACKET_TOO_BIG = 2;
  public static final int TIME_EXCEEDED = 3;
  public static final int PARAMETER_PROBLEM = 4;
  public static final int ECHO_REQUEST = 128;
  public static final int ECHO_REPLY = 129;

  public IcmpV6 {
    Fields.check("type", type, 0xff);
    Fields.check("code", code, 0xff);
    Fields.check("checksum", checksum, 0xffff);
  }

  public static IcmpV6 decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, "ICMPv6 header", off);
    return new IcmpV6(Wire.u8(b, off), Wire.u8(b, off + 1), Wire.u16(b, off + 2),
        Wire.i32(b, off + 4));
  }

  /** A whole ICMPv6 message, its checksum over the pseudo-header of {@code src}, {@code dst}. */
  public static byte[] encode(Inet6Address src, Inet6Address dst, int type, int code,
      int restOfHeader, byte[] body) {
    Fields.check("type", type, 0xff);
    Fields.check("code", code, 0xff);
    byte[] out = new byte[LENGTH + body.length];
    Wire.put8(out, 0, type);
    Wire.put8(out, 1, code);
    Wire.put32(out, 4, restOfHeader & 0xffffffffL);
    System.arraycopy(body, 0, out, LENGTH, body.length);
    Wire.put16(out, 2, Checksum.transport(
        src, dst, Ipv6Header.NEXT_HEADER_ICMPV6, out, 0, out.length));
    return out;
  }

  /** An echo request (type 128) carrying {@code data}. */
  public static byte[] echoRequest(Inet6Address src, Inet6Address dst, int identifier,
      int sequence, byte[] data) {
    return encode(src, dst, ECHO_REQUEST, 0, IcmpV4.echoWord(identifier, sequence), data);
  }

  public boolean isEcho() {
    return type == ECHO_REQUEST || type == ECHO_REPLY;
  }

  /** Error messages have types 0..127 (RFC 4443 §2.1). */
  public boolean isError() {
    return type < 128;
  }

  public int echoIdentifier() {
    return restOfHeader >>> 16;
  }

  public int echoSequence() {
    return restOfHeader & 0xffff;
  }

  /** The MTU of a Packet Too Big message (RFC 4443 §3.2), unsigned. */
  public long mtu() {
    return restOfHeader & 0xffffffffL;
  }

  /** The RFC 4884 length attribute (byte 4): original datagram length in 64-bit words. */
  public int lengthAttribute() {
    return restOfHeader >>> 24;
  }

  /** The Parameter Problem pointer (RFC 4443 §3.4), unsigned. */
  public long pointer() {
    return restOfHeader & 0xffffffffL;
  }
}
