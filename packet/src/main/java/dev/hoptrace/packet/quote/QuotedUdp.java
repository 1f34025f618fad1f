package dev.hoptrace.packet.quote;

import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Udp;

/** A quoted UDP header: all 8 bytes of it (RFC 768). */
public record QuotedUdp(int sourcePort, int destinationPort, int length, int checksum)
    implements QuotedTransport {

  public static QuotedUdp decode(byte[] b, int off, int len) throws MalformedPacketException {
    Udp u = Udp.decode(b, off, len);
    return new QuotedUdp(u.sourcePort(), u.destinationPort(), u.length(), u.checksum());
  }

  @Override
  public int protocol() {
    return Ipv4Header.PROTOCOL_UDP;
  }
}
