package dev.hoptrace.packet.quote;

import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.TransportLocation;

/**
 * The probe an ICMP error quotes: its IP header and what the quote holds of its transport header.
 *
 * @param ip the quoted IPv4 or IPv6 header, as the router received it (TTL 1 for Time Exceeded)
 * @param location where the transport header starts inside the quote and whether it is there
 * @param transport the transport fields, decoded as far as the quote reaches
 * @param quotedLength bytes of the original datagram in the quote (RFC 4884 padding excluded when
 *     the quoted IP length shows it)
 */
public record QuotedProbe(
    IpHeader ip, TransportLocation location, QuotedTransport transport, int quotedLength) {

  /** Whether the quote holds the whole original datagram. */
  public boolean isComplete() {
    return quotedLength >= ip.datagramLength();
  }
}
