package dev.hoptrace.packet;

import java.net.InetAddress;

/**
 * A UDP header (RFC 768).
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |                 |                 |
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * </pre>
 *
 * @param length header plus payload in bytes
 * @param checksum as on the wire; 0 means none was computed (IPv4 only)
 */
public record Udp(int sourcePort, int destinationPort, int length, int checksum) {

  public static final int LENGTH = 8;

  public Udp {
    Fields.check("source port", sourcePort, 0xffff);
    Fields.check("destination port", destinationPort, 0xffff);
    Fields.check("length", length, 0xffff);
    Fields.check("checksum", checksum, 0xffff);
  }

  /** Decodes the 8-byte header; the length field is reported, not checked against {@code len}. */
  public static Udp decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, "UDP header", off);
    return new Udp(
        Wire.u16(b, off), Wire.u16(b, off + 2), Wire.u16(b, off + 4), Wire.u16(b, off + 6));
  }

  /**
   * A UDP datagram (header and payload) with its checksum computed over the pseudo-header of
   * {@code src} and {@code dst}, which must be of one family.
   */
  public static byte[] encode(
      InetAddress src, InetAddress dst, int sourcePort, int destinationPort, byte[] payload) {
    Fields.check("UDP length", LENGTH + payload.length, 0xffff);
    byte[] out = new byte[LENGTH + payload.length];
    Wire.put16(out, 0, sourcePort);
    Wire.put16(out, 2, destinationPort);
    Wire.put16(out, 4, out.length);
    System.arraycopy(payload, 0, out, LENGTH, payload.length);
    Wire.put16(out, 6, checksum(src, dst, out));
    return out;
  }

  /**
   * The checksum to store in a datagram whose checksum field is zero. A computed 0 is sent as
   * 0xffff, because 0 means "no checksum" (RFC 768).
   */
  public static int checksum(InetAddress src, InetAddress dst, byte[] datagram) {
    int c = Checksum.transport(src, dst, Ipv4Header.PROTOCOL_UDP, datagram, 0, datagram.length);
    return c == 0 ? 0xffff : c;
  }
}
