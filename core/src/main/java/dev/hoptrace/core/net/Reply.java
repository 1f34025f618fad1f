package dev.hoptrace.core.net;

import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply that a session received and decoded, not yet tied to a probe.
 *
 * @param key the probe identity recovered from the quote (or from the socket it arrived on)
 * @param quotedDestination the destination address the quoted probe carried, when visible
 * @param responder who sent the reply (router or destination)
 * @param kind what the reply means
 * @param icmpType the ICMP/ICMPv6 type, or -1 for a TCP answer
 * @param icmpCode the ICMP/ICMPv6 code, or -1 for a TCP answer
 * @param mtu the next-hop MTU for {@link ReplyKind#PACKET_TOO_BIG}, else 0
 * @param replyTtl TTL/hop limit of the reply as received, or -1 when unknown
 * @param receivedAt receive time on the session clock, nanoseconds (kernel timestamp when known)
 * @param quotedIp the quoted IP header, raw mode only
 * @param extensions RFC 4884 extensions (MPLS labels, interface information), possibly empty
 */
public record Reply(
    WireKey key,
    Optional<InetAddress> quotedDestination,
    InetAddress responder,
    ReplyKind kind,
    int icmpType,
    int icmpCode,
    int mtu,
    int replyTtl,
    long receivedAt,
    Optional<QuotedIpHeader> quotedIp,
    IcmpExtensions extensions) {

  public Reply {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(quotedDestination, "quotedDestination");
    Objects.requireNonNull(responder, "responder");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(quotedIp, "quotedIp");
    Objects.requireNonNull(extensions, "extensions");
  }
}
