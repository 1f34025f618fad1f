package dev.hoptrace.sim;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Wire;
import java.util.Arrays;

/**
 * What Linux checks in a packet for the client before a socket sees it, where a forger on the
 * link could lie: the IP length (the packet is cut to it, dropped when it claims more), the
 * ICMP / ICMPv6 checksum ({@code icmp_rcv}, {@code icmpv6_rcv}: only an AF_INET raw socket gets
 * its copy before this check), and, for the error queue of a connected UDP or TCP socket, that
 * the quote names the socket's connection ({@code __udp4_lib_err} looks the socket up by the
 * quoted addresses and ports; {@code tcp_v4_err} drops a quoted sequence outside the window,
 * which for a SYN is its own sequence number).
 */
final class KernelInput {
  private KernelInput() {}

  /** The packet as the stack keeps it: cut to its IP length; null when it cannot be that long. */
  static byte[] asReceived(byte[] p) {
    if (p.length < 20) {
      return null;
    }
    int length = Datagram.v6(p) ? (p.length < 40 ? -1 : 40 + Wire.u16(p, 4)) : Wire.u16(p, 2);
    if (length < 0 || length > p.length || length < Datagram.headerLength(p)) {
      return null;
    }
    return length == p.length ? p : Arrays.copyOf(p, length);
  }

  /** True unless the packet is ICMP / ICMPv6 and its checksum does not hold. */
  static boolean checksumHolds(byte[] p) {
    if (!Datagram.icmp(p)) {
      return true;
    }
    int t = Datagram.headerLength(p);
    int length = p.length - t;
    return Datagram.v6(p)
        ? Checksum.transport(Datagram.source(p), Datagram.destination(p), Datagram.ICMPV6, p, t,
            length) == 0
        : Checksum.of(p, t, length) == 0;
  }

  /**
   * True when {@code p} is not an ICMP error, or quotes the destination address and port of
   * {@code probe} (and, for TCP, its sequence number): the connected socket's own datagram.
   */
  static boolean quotesConnection(byte[] p, byte[] probe) {
    if (!Datagram.icmp(p)) {
      return true;
    }
    int q = Datagram.headerLength(p) + 8;
    int pt = Datagram.headerLength(probe);
    boolean v6 = Datagram.v6(probe);
    int qt = q + (v6 ? 40 : (p[q] & 0x0f) * 4);
    if (qt + 8 > p.length) {
      return false;
    }
    int at = v6 ? 24 : 16;
    int size = v6 ? 16 : 4;
    boolean sameDestination = Arrays.equals(p, q + at, q + at + size, probe, at, at + size);
    boolean samePort = Wire.u16(p, qt + 2) == Wire.u16(probe, pt + 2);
    boolean sameSequence = Datagram.protocol(probe) != Datagram.TCP
        || Wire.u32(p, qt + 4) == Wire.u32(probe, pt + 4);
    return sameDestination && samePort && sameSequence;
  }
}
