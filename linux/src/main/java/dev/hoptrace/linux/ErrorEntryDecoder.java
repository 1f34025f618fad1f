package dev.hoptrace.linux;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.SockExtendedErr;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Turns an ICMP-derived error-queue entry ({@code IP_RECVERR} / {@code IPV6_RECVERR}) into a
 * {@link Reply}: type and code from {@code sock_extended_err} (never the mapped errno, several codes
 * collapse onto one), responder from {@code SO_EE_OFFENDER}, the probe's destination from {@code
 * msg_name}, reply TTL and kernel receive time from the other control messages.
 */
final class ErrorEntryDecoder {
  private final ExtensionDecoding extensions;
  /** Why extensions were dropped, until the session hands them to a sink. */
  private final ArrayDeque<String> dropped = new ArrayDeque<>();

  ErrorEntryDecoder(ExtensionDecoding extensions) {
    this.extensions = extensions;
  }

  /** True when the entry came from an ICMP / ICMPv6 message (not a stamp or a local error). */
  static boolean isIcmp(Received entry) {
    SockExtendedErr ee = entry.ancillary().error();
    return ee != null
        && (ee.origin() == LinuxConstants.SO_EE_ORIGIN_ICMP
            || ee.origin() == LinuxConstants.SO_EE_ORIGIN_ICMP6)
        && ee.offender() != null;
  }

  /**
   * Why an entry that is not {@link #isIcmp ICMP} was not turned into a reply, or null when it is a
   * transmit timestamp (expected, not worth reporting).
   */
  static String whyNotIcmp(Received entry) {
    SockExtendedErr ee = entry.ancillary().error();
    if (ee == null) {
      return "error-queue entry without IP_RECVERR control message";
    }
    if (ee.origin() == LinuxConstants.SO_EE_ORIGIN_TIMESTAMPING) {
      return null;
    }
    if (ee.origin() == LinuxConstants.SO_EE_ORIGIN_LOCAL) {
      return "local error " + dev.hoptrace.linux.ffm.ErrnoException.describe(ee.errno())
          + (ee.info() != 0 ? " (mtu " + ee.info() + ")" : "");
    }
    return "error-queue entry of origin " + ee.origin() + " without offender";
  }

  /**
   * @param key the identity of the probe the entry belongs to (from the socket it arrived on)
   * @param fallbackTime used only when the kernel attached no receive timestamp
   */
  Reply toReply(WireKey key, Received entry, long fallbackTime) {
    SockExtendedErr ee = entry.ancillary().error();
    boolean ipv6 = ee.origin() == LinuxConstants.SO_EE_ORIGIN_ICMP6;
    ReplyKind kind = ReplyKind.ofIcmp(ipv6, ee.type(), ee.code());
    int mtu = kind == ReplyKind.PACKET_TOO_BIG ? ee.info() : 0;
    long at = entry.ancillary().kernelTime() > 0 ? entry.ancillary().kernelTime() : fallbackTime;
    Optional<InetAddress> destination =
        entry.name() == null ? Optional.empty() : Optional.of(entry.name().getAddress());
    return new Reply(
        key,
        destination,
        ee.offender().getAddress(),
        kind,
        ee.type(),
        ee.code(),
        mtu,
        entry.ancillary().ttl(),
        at,
        Optional.empty(),
        extensionsOf(ee, entry.payload()));
  }

  /** Reports every extension dropped since the last call as malformed (counted, not fatal). */
  void reportDropped(ReplySink sink) {
    while (!dropped.isEmpty()) {
      sink.malformed(dropped.poll());
    }
  }

  private IcmpExtensions extensionsOf(SockExtendedErr ee, byte[] payload) {
    ErrorQueueExtensions.Found found =
        ErrorQueueExtensions.find(ee.rfc4884Offset(), ee.rfc4884Flags(), payload, extensions);
    if (found.dropped() != null) {
      dropped.add(found.dropped());
    }
    return found.extensions();
  }
}
