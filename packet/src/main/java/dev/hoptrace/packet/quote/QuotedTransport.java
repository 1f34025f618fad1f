package dev.hoptrace.packet.quote;

/**
 * The first bytes of the transport header inside an ICMP quote, decoded as far as they reach. RFC
 * 792 guarantees 8 bytes, which hold every field traceroute identifies probes by; longer quotes
 * are not decoded further here.
 */
public sealed interface QuotedTransport
    permits QuotedUdp, QuotedTcp, QuotedIcmp, QuotedPorts, QuotedOpaque {

  /** The transport protocol number (IPv4 protocol / IPv6 next header). */
  int protocol();
}
