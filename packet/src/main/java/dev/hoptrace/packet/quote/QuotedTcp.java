package dev.hoptrace.packet.quote;

import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;

/**
 * The first 8 bytes of a quoted TCP header (RFC 9293 §3.1): ports and sequence number, all a
 * router must quote (RFC 792). Longer quotes can be decoded with {@code Tcp.decode}.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record QuotedTcp(int sourcePort, int destinationPort, long sequence)
    implements QuotedTransport {

  public static final int LENGTH = 8;

  public static QuotedTcp decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, "quoted TCP header", off);
    return new QuotedTcp(Wire.u16(b, off), Wire.u16(b, off + 2), Wire.u32(b, off + 4));
  }

  @Override
  public int protocol() {
    return Ipv4Header.PROTOCOL_TCP;
  }
}
