package dev.hoptrace.lab.emulator;

import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * Makes the middle of an emulated path one router hop: it decrements TTL / hop limit, answers
 * expiring packets with Time Exceeded from its address facing the asker, and answers packets too
 * long for the far link with Fragmentation Needed / Packet Too Big. The Time Exceeded messages
 * carry {@code mplsLabels} as an RFC 4950 MPLS label stack object in an RFC 4884 extension
 * structure when the list is not empty, as an MPLS label-switching router reports them, and
 * {@code interfaces} as RFC 5837 interface information objects, as routers that implement RFC
 * 5837 name the interface a probe arrived on.
 *
 * @param towardA the hop's addresses on the link to end A
 * @param towardB the hop's addresses on the link to end B
 * @param mplsLabels outermost first; give the last entry its bottom-of-stack bit yourself
 * @param interfaces RFC 5837 objects, in the order they go into the extension structure
 * @param quote bytes past the IP header its errors quote (at least 8, RFC 792's minimum), or 0
 *     for as much as fits, as Linux
 */
public record RouterHop(Face towardA, Face towardB, List<MplsLabelStackEntry> mplsLabels,
    List<InterfaceInformation> interfaces, int quote) {

  /**
   * The hop's addresses on one link; a family without an address is never answered in.
   *
   * @param ipv4 null when the link has no IPv4 address on the hop
   * @param ipv6 null when the link has no IPv6 address on the hop
   */
  public record Face(Inet4Address ipv4, Inet6Address ipv6) {
    public Face {
      if (ipv4 == null && ipv6 == null) {
        throw new IllegalArgumentException("a router face needs an IPv4 or IPv6 address");
      }
    }
  }

  public RouterHop {
    Objects.requireNonNull(towardA, "towardA");
    Objects.requireNonNull(towardB, "towardB");
    mplsLabels = List.copyOf(mplsLabels);
    interfaces = List.copyOf(interfaces);
    if (quote != 0 && quote < 8) {
      throw new IllegalArgumentException("a router quotes at least 8 bytes past the IP header");
    }
  }

  /** A hop that reports MPLS labels only (none: a plain router hop) and quotes as Linux does. */
  public RouterHop(Face towardA, Face towardB, List<MplsLabelStackEntry> mplsLabels) {
    this(towardA, towardB, mplsLabels, List.of(), 0);
  }

  /** {@code packet} cut to what this hop quotes of it. */
  byte[] quoted(byte[] packet, int ipHeaderLength) {
    return quote == 0 ? packet
        : java.util.Arrays.copyOf(packet, Math.min(packet.length, ipHeaderLength + quote));
  }

  Face face(Leg.Side side) {
    return side == Leg.Side.A ? towardA : towardB;
  }
}
