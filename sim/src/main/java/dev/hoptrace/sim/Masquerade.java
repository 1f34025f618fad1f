package dev.hoptrace.sim;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.Wire;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Source NAT as Linux conntrack masquerades: a forwarded packet leaves with the router's outbound
 * address and a port (UDP, TCP) or echo id (ICMP) of the NAT's choosing; replies to that port are
 * translated back, and so are ICMP errors about it, quote included (nf_nat_icmp_reply_translation):
 * the quoted source address and port go back to the client's, the quoted IP header checksum and
 * transport checksum are patched incrementally (RFC 1624), the outer ICMP checksum is recomputed.
 * Mappings expire as conntrack's do (30 s UDP and ICMP, 120 s for a SYN sent), so a long run does
 * not grow the table.
 */
final class Masquerade {
  private static final long UDP_TIMEOUT = 30_000_000_000L;
  private static final long TCP_SYN_SENT_TIMEOUT = 120_000_000_000L;

  private final VirtualClock clock;
  private final Map<Integer, Mapping> byNatPort = new HashMap<>();
  private final Map<Inside, Mapping> byInside = new HashMap<>();
  private final ArrayDeque<Mapping> ageing = new ArrayDeque<>();
  private int nextPort;

  private record Inside(int protocol, InetAddress source, int port, InetAddress destination) {}

  private static final class Mapping {
    final Inside inside;
    final int natPort;
    long expiresAt;
    long queuedUntil;

    Mapping(Inside inside, int natPort) {
      this.inside = inside;
      this.natPort = natPort;
    }
  }

  Masquerade(VirtualClock clock, long salt) {
    this.clock = clock;
    this.nextPort = 1024 + (int) Long.remainderUnsigned(salt, 60000);
  }

  /** Mappings alive now (for tests: the table does not grow without bound). */
  int size() {
    expire();
    return byNatPort.size();
  }

  /** POSTROUTING: rewrites the source of a packet leaving through {@code outside}. */
  void outbound(byte[] p, InetAddress outside) {
    expire();
    int t = Datagram.headerLength(p);
    int protocol = kind(p, t, true);
    if (protocol < 0) {
      return;
    }
    int portAt = protocol == Datagram.ICMP ? t + 4 : t;
    Inside inside = new Inside(protocol, Datagram.source(p), Wire.u16(p, portAt),
        Datagram.destination(p));
    Mapping m = byInside.get(inside);
    if (m == null) {
      m = new Mapping(inside, allocate(protocol));
      byInside.put(inside, m);
      byNatPort.put(key(protocol, m.natPort), m);
      m.queuedUntil = clock.now() + timeout(protocol);
      ageing.addLast(m);
    }
    m.expiresAt = clock.now() + timeout(protocol);
    int transportSum = transportChecksum(p, t, protocol);
    Datagram.rewrite(p, Datagram.sourceOffset(p), outside.getAddress(), ipChecksum(p, 0),
        pseudoHeaderSum(p, transportSum));
    Datagram.rewrite(p, portAt, Datagram.word(m.natPort), transportSum);
    mangledZero(p, transportSum, protocol);
  }

  /**
   * PREROUTING, for a packet addressed to the NAT itself: translates a reply or an ICMP error
   * about a mapped packet back toward the client. False when nothing maps (the packet is the
   * router's own).
   */
  boolean inbound(byte[] p) {
    expire();
    int t = Datagram.headerLength(p);
    if (Datagram.icmp(p) && t + 8 <= p.length && isError(p, t)) {
      return inboundError(p, t);
    }
    int protocol = kind(p, t, false);
    int portAt = protocol == Datagram.ICMP ? t + 4 : t + 2;
    Mapping m = protocol < 0 ? null : byNatPort.get(key(protocol, Wire.u16(p, portAt)));
    if (m == null) {
      return false;
    }
    int transportSum = transportChecksum(p, t, protocol);
    Datagram.rewrite(p, Datagram.destinationOffset(p), m.inside.source().getAddress(),
        ipChecksum(p, 0), pseudoHeaderSum(p, transportSum));
    Datagram.rewrite(p, portAt, Datagram.word(m.inside.port()), transportSum);
    mangledZero(p, transportSum, protocol);
    return true;
  }

  private boolean inboundError(byte[] p, int t) {
    int q = t + 8; // the quoted datagram
    if (q + 20 > p.length || Datagram.v6(p) != ((p[q] & 0xf0) == 0x60)) {
      return false;
    }
    byte[] quote = java.util.Arrays.copyOfRange(p, q, p.length);
    int qt = Datagram.headerLength(quote);
    int protocol = kind(quote, qt, true);
    int portAt = protocol == Datagram.ICMP ? qt + 4 : qt;
    if (protocol < 0 || q + portAt + 2 > p.length
        || !Datagram.source(quote).equals(Datagram.destination(p))) {
      return false;
    }
    Mapping m = byNatPort.get(key(protocol, Wire.u16(quote, portAt)));
    if (m == null) {
      return false;
    }
    int transportSum = transportChecksum(quote, qt, protocol);
    Datagram.rewrite(quote, Datagram.sourceOffset(quote), m.inside.source().getAddress(),
        ipChecksum(quote, 0), pseudoHeaderSum(quote, transportSum));
    Datagram.rewrite(quote, portAt, Datagram.word(m.inside.port()), transportSum);
    mangledZero(quote, transportSum, protocol);
    System.arraycopy(quote, 0, p, q, quote.length);
    Datagram.rewrite(p, Datagram.destinationOffset(p), m.inside.source().getAddress(),
        ipChecksum(p, 0));
    Wire.put16(p, t + 2, 0);
    Wire.put16(p, t + 2, Datagram.v6(p)
        ? Checksum.transport(Datagram.source(p), Datagram.destination(p), Datagram.ICMPV6, p, t,
            p.length - t)
        : Checksum.of(p, t, p.length - t));
    return true;
  }

  /** UDP, TCP, or ICMP for an echo (request outbound / in a quote, reply inbound); else -1. */
  private static int kind(byte[] p, int t, boolean request) {
    int protocol = Datagram.protocol(p);
    if (protocol == Datagram.UDP || protocol == Datagram.TCP) {
      return t + 4 <= p.length ? protocol : -1;
    }
    if (Datagram.icmp(p) && t + 8 <= p.length) {
      int type = p[t] & 0xff;
      int wanted = Datagram.v6(p)
          ? (request ? IcmpV6.ECHO_REQUEST : IcmpV6.ECHO_REPLY)
          : (request ? IcmpV4.ECHO_REQUEST : IcmpV4.ECHO_REPLY);
      return type == wanted ? Datagram.ICMP : -1;
    }
    return -1;
  }

  private static boolean isError(byte[] p, int t) {
    int type = p[t] & 0xff;
    return Datagram.v6(p) ? type < 128
        : type == IcmpV4.DESTINATION_UNREACHABLE || type == IcmpV4.TIME_EXCEEDED
            || type == IcmpV4.PARAMETER_PROBLEM;
  }

  /** Offset of the checksum covering the port / echo id, or -1 (UDP without checksum, cut off). */
  private static int transportChecksum(byte[] p, int t, int protocol) {
    int at = switch (protocol) {
      case Datagram.UDP -> t + 6;
      case Datagram.TCP -> t + 16;
      default -> t + 2;
    };
    if (at + 2 > p.length || (protocol == Datagram.UDP && Wire.u16(p, at) == 0)) {
      return -1;
    }
    return at;
  }

  /** The transport checksum again if it covers the addresses (all but ICMPv4), else -1. */
  private static int pseudoHeaderSum(byte[] p, int transportSum) {
    return Datagram.protocol(p) == Datagram.ICMP ? -1 : transportSum;
  }

  private static int ipChecksum(byte[] p, int ipAt) {
    return Datagram.v6(p) ? -1 : ipAt + 10;
  }

  /** A UDP checksum that comes out 0 is sent as 0xffff (CSUM_MANGLED_0). */
  private static void mangledZero(byte[] p, int checksumAt, int protocol) {
    if (protocol == Datagram.UDP && checksumAt >= 0 && Wire.u16(p, checksumAt) == 0) {
      Wire.put16(p, checksumAt, 0xffff);
    }
  }

  private int allocate(int protocol) {
    for (int i = 0; i < 64512; i++) {
      int port = nextPort;
      nextPort = nextPort == 65535 ? 1024 : nextPort + 1;
      if (!byNatPort.containsKey(key(protocol, port))) {
        return port;
      }
    }
    throw new IllegalStateException("NAT ports exhausted");
  }

  private void expire() {
    long now = clock.now();
    while (!ageing.isEmpty() && ageing.peekFirst().queuedUntil <= now) {
      Mapping m = ageing.pollFirst();
      if (m.expiresAt <= now) {
        byInside.remove(m.inside);
        byNatPort.remove(key(m.inside.protocol(), m.natPort));
      } else {
        m.queuedUntil = m.expiresAt;
        ageing.addLast(m);
      }
    }
  }

  private static long timeout(int protocol) {
    return protocol == Datagram.TCP ? TCP_SYN_SENT_TIMEOUT : UDP_TIMEOUT;
  }

  private static int key(int protocol, int port) {
    return protocol << 16 | port;
  }
}
