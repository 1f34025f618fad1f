package dev.hoptrace.core;

import dev.hoptrace.core.net.QuotedIpHeader;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Optional;

/**
 * What became of one probe.
 *
 * @param ttl the TTL the probe was sent with
 * @param index the probe's position within its hop, 0-based
 * @param responder who answered, empty when nothing did in time
 * @param rttNanos round-trip time in nanoseconds, or -1 when there was no reply
 * @param kind what the reply says, empty for a timeout
 * @param icmpType ICMP type of the reply, or -1
 * @param icmpCode ICMP code of the reply, or -1
 * @param replyTtl TTL/hop limit of the reply as received, or -1
 * @param annotation traceroute's annotation ({@code !H}, {@code !X}, {@code !F-1400}, ...) or ""
 * @param isFinal whether this reply ends the trace (destination or an unreachable)
 * @param extensions MPLS labels and other RFC 4884 objects the responder attached
 * @param quotedIp the probe's IP header as the responder quoted it (raw mode)
 */
public record ProbeResult(
    int ttl,
    int index,
    Optional<InetAddress> responder,
    long rttNanos,
    Optional<ReplyKind> kind,
    int icmpType,
    int icmpCode,
    int replyTtl,
    String annotation,
    boolean isFinal,
    IcmpExtensions extensions,
    Optional<QuotedIpHeader> quotedIp) {

  /** A probe nobody answered. */
  public static ProbeResult timeout(int ttl, int index) {
    return new ProbeResult(
        ttl, index, Optional.empty(), -1, Optional.empty(), -1, -1, -1, "", false,
        IcmpExtensions.NONE, Optional.empty());
  }

  public boolean answered() {
    return responder.isPresent();
  }

  /**
   * How many hops the reply took back, estimated from its TTL as Linux traceroute's {@code --back}
   * does: the responder is taken to have started from 64, 128 or 255, the first at or above the
   * TTL that arrived, so the estimate is (65, 129 or 256) − reply TTL. -1 without a reply TTL.
   */
  public int returnHops() {
    return returnHops(replyTtl);
  }

  /** {@link #returnHops()} of a reply that arrived with {@code replyTtl} (-1: unknown). */
  public static int returnHops(int replyTtl) {
    if (replyTtl < 1) {
      return -1;
    }
    return (replyTtl <= 64 ? 65 : replyTtl <= 128 ? 129 : 256) - replyTtl;
  }

  /** The RTT in milliseconds, or NaN without a reply. */
  public double rttMillis() {
    return rttNanos < 0 ? Double.NaN : rttNanos / 1e6;
  }
}
