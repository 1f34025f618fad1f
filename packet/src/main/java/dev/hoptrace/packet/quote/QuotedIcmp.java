package dev.hoptrace.packet.quote;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;

/**
 * A quoted ICMP or ICMPv6 header: an echo request probe, or (from a broken router) an ICMP error,
 * which RFC 1122 §3.2.2 says must never be answered with another.
 *
 * @param version 4 for ICMP, 6 for ICMPv6
 * @param restOfHeader the second word: identifier and sequence for echo messages
 */
public record QuotedIcmp(int version, int type, int code, int checksum, int restOfHeader)
    implements QuotedTransport {

  public static final int LENGTH = 8;

  public static QuotedIcmp decode(int version, byte[] b, int off, int len)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, version == 6 ? "quoted ICMPv6 header" : "quoted ICMP header", off);
    return new QuotedIcmp(version, Wire.u8(b, off), Wire.u8(b, off + 1), Wire.u16(b, off + 2),
        Wire.i32(b, off + 4));
  }

  public boolean isEchoRequest() {
    return type == (version == 6 ? IcmpV6.ECHO_REQUEST : IcmpV4.ECHO_REQUEST);
  }

  public int echoIdentifier() {
    return restOfHeader >>> 16;
  }

  public int echoSequence() {
    return restOfHeader & 0xffff;
  }

  @Override
  public int protocol() {
    return version == 6 ? Ipv6Header.NEXT_HEADER_ICMPV6 : Ipv4Header.PROTOCOL_ICMP;
  }
}
