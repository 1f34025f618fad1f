package dev.hoptrace.sim;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import dev.hoptrace.scenario.IcmpPolicy;
import dev.hoptrace.scenario.RouterBehaviour;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The ICMP errors one node sends, built as a Linux router builds them ({@link IcmpErrorEncoder}:
 * quote up to 576 / 1232 bytes unless the scenario cuts the quote shorter, TOS 0xc0, TTL 64) and passed through the node's ICMP policy: silent
 * nodes send nothing, rate-limited ones spend a token of their one bucket per Time Exceeded or
 * Unreachable. Fragmentation Needed and Packet Too Big are exempt from the rate limit, as from the
 * kernel's {@code icmp_ratemask}, but not from silence (a silent router is a PMTUD black hole).
 */
final class IcmpResponder {
  /** Linux's {@code ip_default_ttl} and IPv6 default hop limit. */
  static final int INITIAL_TTL = 64;

  private final RouterBehaviour behaviour;
  private final VirtualClock clock;
  private final TokenBucket bucket;
  private final IcmpExtensions extensions;
  private int ipId;

  IcmpResponder(RouterBehaviour behaviour, VirtualClock clock, long salt) {
    this.behaviour = behaviour;
    this.clock = clock;
    IcmpPolicy p = behaviour.icmp();
    this.bucket = p.kind() == IcmpPolicy.Kind.RATE_LIMITED
        ? new TokenBucket(p.perSecond(), p.burst(), clock.now()) : null;
    this.extensions = behaviour.reportsExtensions()
        ? new IcmpExtensions(behaviour.mpls(), behaviour.interfaces(), List.of())
        : IcmpExtensions.NONE;
    this.ipId = (int) (salt & 0xffff);
  }

  /**
   * Time Exceeded in transit, with the node's MPLS label stack (RFC 4950) and interface
   * information (RFC 5837) as RFC 4884 extensions.
   */
  byte[] timeExceeded(byte[] original, InetAddress inbound) {
    return limited(original) ? null : v6(original)
        ? v6(original, inbound, IcmpV6.TIME_EXCEEDED, 0, 0, extensions)
        : v4(original, inbound, IcmpV4.TIME_EXCEEDED, 0, 0, extensions);
  }

  /** Destination Unreachable with the code of the packet's family. */
  byte[] unreachable(byte[] original, InetAddress from, int v4Code, int v6Code) {
    return limited(original) ? null : v6(original)
        ? v6(original, from, IcmpV6.DESTINATION_UNREACHABLE, v6Code, 0, IcmpExtensions.NONE)
        : v4(original, from, IcmpV4.DESTINATION_UNREACHABLE, v4Code, 0, IcmpExtensions.NONE);
  }

  /** ICMPv6 Packet Too Big, or IPv4 Fragmentation Needed with the next-hop MTU (RFC 1191 §4). */
  byte[] tooBig(byte[] original, InetAddress inbound, int mtu) {
    if (silent(original)) {
      return null;
    }
    return v6(original)
        ? v6(original, inbound, IcmpV6.PACKET_TOO_BIG, 0, mtu, IcmpExtensions.NONE)
        : v4(original, inbound, IcmpV4.DESTINATION_UNREACHABLE, IcmpV4.CODE_FRAGMENTATION_NEEDED,
            mtu & 0xffff, IcmpExtensions.NONE);
  }

  private boolean silent(byte[] original) {
    // RFC 1122 §3.2.2: never an error about an error.
    return behaviour.icmp().kind() == IcmpPolicy.Kind.SILENT || isIcmpError(original);
  }

  private boolean limited(byte[] original) {
    return silent(original) || (bucket != null && !bucket.take(clock.now()));
  }

  private static boolean isIcmpError(byte[] p) {
    if (!Datagram.icmp(p)) {
      return false;
    }
    int type = p[Datagram.headerLength(p)] & 0xff;
    return Datagram.v6(p) ? type < 128 : type != IcmpV4.ECHO_REQUEST && type != IcmpV4.ECHO_REPLY;
  }

  private static boolean v6(byte[] p) {
    return Datagram.v6(p);
  }

  private InetAddress source(InetAddress interfaceAddress) {
    if (interfaceAddress instanceof Inet6Address) {
      return behaviour.replyFromV6().map(a -> (InetAddress) a).orElse(interfaceAddress);
    }
    return behaviour.replyFromV4().map(a -> (InetAddress) a).orElse(interfaceAddress);
  }

  private byte[] v4(byte[] original, InetAddress from, int type, int code, int rest,
      IcmpExtensions ext) {
    byte[] icmp = IcmpErrorEncoder.icmpV4(type, code, rest, behaviour.quoted(original), ext, true);
    ipId = (ipId + 1) & 0xffff;
    return IcmpErrorEncoder.ipv4Packet((Inet4Address) source(from), Wire.inet4(original, 12),
        INITIAL_TTL, ipId, icmp);
  }

  private byte[] v6(byte[] original, InetAddress from, int type, int code, int rest,
      IcmpExtensions ext) {
    Inet6Address src = (Inet6Address) source(from);
    Inet6Address dst = Wire.inet6(original, 8);
    byte[] icmp =
        IcmpErrorEncoder.icmpV6(src, dst, type, code, rest, behaviour.quoted(original), ext, true);
    return new Ipv6Header(0, 0, icmp.length, Datagram.ICMPV6, INITIAL_TTL, src, dst)
        .encodeWith(icmp);
  }
}
