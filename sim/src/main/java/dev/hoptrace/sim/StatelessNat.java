package dev.hoptrace.sim;

import dev.hoptrace.packet.Wire;
import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import dev.hoptrace.scenario.Node;
import dev.hoptrace.scenario.Scenario;
import java.net.InetAddress;

/**
 * A stateless source rewrite, as nftables' {@code ip saddr set} / {@code ip daddr set} in the lab
 * (and many CPE and carrier-grade NATs) do it: the client's address becomes the outbound
 * interface's on the way out, and anything addressed to that interface's address goes back to the
 * client. Header by header, with the checksums that cover the addresses updated (RFC 1624) and a
 * UDP checksum of 0 left alone; the probe an ICMP error quotes is not looked at, so it stays as
 * rewritten.
 */
final class StatelessNat {
  private final InetAddress clientV4;
  private final InetAddress clientV6;

  /**
   * @param clientV4 the client's IPv4 address, null without IPv4
   * @param clientV6 the client's IPv6 address, null without IPv6
   */
  StatelessNat(InetAddress clientV4, InetAddress clientV6) {
    this.clientV4 = clientV4;
    this.clientV6 = clientV6;
  }

  /** For the client of {@code scenario}: its addresses on its one link. */
  static StatelessNat forClientOf(Scenario scenario) {
    Node client = scenario.client();
    Link link = scenario.linksOf(client.name()).getFirst();
    return new StatelessNat(
        scenario.family().ipv4() ? AddressPlan.of(link, client.name(), false) : null,
        scenario.family().ipv6() ? AddressPlan.of(link, client.name(), true) : null);
  }

  /** POSTROUTING: the client's source becomes {@code outside}. */
  void outbound(byte[] p, InetAddress outside) {
    if (Datagram.source(p).equals(client(p))) {
      int transport = pseudoHeaderChecksum(p);
      Datagram.rewrite(p, Datagram.sourceOffset(p), outside.getAddress(), ipChecksum(p), transport);
      mangledZero(p, transport);
    }
  }

  /**
   * PREROUTING, for a packet that came in by an outside link: if it is addressed to the router's
   * address there, {@code outside}, it goes to the client instead.
   */
  void inbound(byte[] p, InetAddress outside) {
    InetAddress client = client(p);
    if (client != null && Datagram.destination(p).equals(outside)) {
      int transport = pseudoHeaderChecksum(p);
      Datagram.rewrite(p, Datagram.destinationOffset(p), client.getAddress(), ipChecksum(p),
          transport);
      mangledZero(p, transport);
    }
  }

  /** A UDP checksum that comes out 0 is sent as 0xffff (0 means none). */
  private static void mangledZero(byte[] p, int checksumAt) {
    if (checksumAt >= 0 && Datagram.protocol(p) == Datagram.UDP && Wire.u16(p, checksumAt) == 0) {
      Wire.put16(p, checksumAt, 0xffff);
    }
  }

  private InetAddress client(byte[] p) {
    return Datagram.v6(p) ? clientV6 : clientV4;
  }

  private static int ipChecksum(byte[] p) {
    return Datagram.v6(p) ? -1 : 10;
  }

  /** Where the transport checksum that covers the addresses is: UDP, TCP, ICMPv6; else -1. */
  private static int pseudoHeaderChecksum(byte[] p) {
    int t = Datagram.headerLength(p);
    int at = switch (Datagram.protocol(p)) {
      case Datagram.UDP -> t + 6;
      case Datagram.TCP -> t + 16;
      case Datagram.ICMPV6 -> t + 2;
      default -> -1;
    };
    if (at < 0 || at + 2 > p.length
        || (Datagram.protocol(p) == Datagram.UDP && Wire.u16(p, at) == 0)) {
      return -1;
    }
    return at;
  }
}
