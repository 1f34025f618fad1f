package dev.hoptrace.core.net;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.quote.QuotedIcmp;
import dev.hoptrace.packet.quote.QuotedProbe;
import dev.hoptrace.packet.quote.QuotedTcp;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Reads the probe a raw session finds quoted in an ICMP error: the identity it carries and what
 * the path changed in it. Raw probes carry their identity where a NAT does not look (UDP: the
 * checksum, held there by two payload bytes; TCP: the sequence number; ICMP: the echo sequence),
 * but a NAT that rewrites the source address also updates the UDP checksum, and when nothing
 * translates the quote back (a stateless rewrite, many CPE and CGN boxes) the router behind it
 * quotes the rewritten probe. The checksum as sent is then recovered by undoing that address
 * change (RFC 1624), which is exact for a NAT that updates checksums as RFC 3022 §4.2 asks.
 * IPv4 UDP probes repeat their checksum in the IP ID (Dublin traceroute's idea), so a quote whose
 * two differ shows a rewrite even where the source address was put back.
 */
public final class RawQuote {
  private RawQuote() {}

  /**
   * The key of the probe {@code quote} shows, or null when it is not one of the session's.
   *
   * @param ident the session's identity: UDP/TCP source port, ICMP echo id
   * @param source the address the session's probes leave with
   */
  public static WireKey key(Protocol protocol, int ident, InetAddress source, QuotedProbe quote) {
    return switch (quote.transport()) {
      case QuotedUdp u when protocol == Protocol.UDP && u.sourcePort() == ident ->
          new WireKey(ident, u.destinationPort(), sentChecksum(u, quote.ip(), source));
      case QuotedTcp t when protocol == Protocol.TCP && t.sourcePort() == ident ->
          new WireKey(ident, t.destinationPort(), t.sequence());
      case QuotedIcmp e when protocol == Protocol.ICMP && e.isEchoRequest()
          && e.echoIdentifier() == ident -> new WireKey(0, 0, e.echoSequence());
      default -> null;
    };
  }

  /** The quoted IP header's fields and what they show of a rewrite on the way. */
  public static QuotedIpHeader header(QuotedProbe quote, InetAddress source) {
    IpHeader ip = quote.ip();
    Optional<InetAddress> translated = ours(ip.source(), source)
        ? Optional.empty() : Optional.of(ip.source());
    boolean checksum = false;
    if (quote.transport() instanceof QuotedUdp u && u.checksum() != 0) {
      checksum = sentChecksum(u, ip, source) != u.checksum()
          || (ip instanceof Ipv4Header v4 && v4.identification() != u.checksum());
    }
    return switch (ip) {
      case Ipv4Header v4 ->
          new QuotedIpHeader(v4.ttl(), v4.tos(), v4.identification(), translated, checksum);
      case Ipv6Header v6 -> new QuotedIpHeader(v6.hopLimit(), v6.trafficClass(), -1, translated,
          checksum);
    };
  }

  /** The UDP checksum as the probe left: the quoted one with any source rewrite undone. */
  static int sentChecksum(QuotedUdp u, IpHeader ip, InetAddress source) {
    if (u.checksum() == 0 || ours(ip.source(), source)
        || ip.source().getAddress().length != source.getAddress().length) {
      return u.checksum();
    }
    int restored = Checksum.update(u.checksum(), ip.source().getAddress(), source.getAddress());
    return restored == 0 ? 0xffff : restored; // RFC 768: a computed 0 goes on the wire as 0xffff
  }

  /** A wildcard source (not known) is taken as ours: nothing can be said then. */
  private static boolean ours(InetAddress quoted, InetAddress source) {
    return source.isAnyLocalAddress() || quoted.equals(source);
  }
}
