package dev.hoptrace.core.net;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Fields of the probe's own IP header as the replying router quoted it (raw mode only): they show
 * what the path did to the probe before it expired.
 *
 * @param ttl the TTL left when the router quoted the probe (normally 1; 0 or >1 hints at odd routers)
 * @param tos IPv4 TOS / IPv6 traffic class as it arrived (re-marking shows here)
 * @param ipId the IPv4 identification field, or -1 for IPv6
 * @param translatedSource the quoted source address when it is not the one the probe left with: a
 *     NAT before the router rewrote it and nothing translated the quote back
 * @param checksumRewritten whether the quoted transport checksum is not the one the probe left
 *     with (raw IPv4 UDP, whose IP ID repeats the checksum as Dublin traceroute's does): a NAT
 *     rewrote the probe and updated the checksum
 */
public record QuotedIpHeader(int ttl, int tos, int ipId, Optional<InetAddress> translatedSource,
    boolean checksumRewritten) {

  public QuotedIpHeader {
    Objects.requireNonNull(translatedSource, "translatedSource");
  }

  /** A quote that shows no translation. */
  public QuotedIpHeader(int ttl, int tos, int ipId) {
    this(ttl, tos, ipId, Optional.empty(), false);
  }

  /** Whether the quote shows that something rewrote the probe's addresses or checksum. */
  public boolean translated() {
    return translatedSource.isPresent() || checksumRewritten;
  }
}
