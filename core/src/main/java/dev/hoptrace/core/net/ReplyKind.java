package dev.hoptrace.core.net;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;

/** What a reply says about its probe. */
public enum ReplyKind {
  /** ICMP Time Exceeded (TTL/hop limit reached zero): an intermediate hop. */
  TIME_EXCEEDED,
  /** ICMP Destination Unreachable; the code tells whether the destination itself answered. */
  UNREACHABLE,
  /** ICMP Packet Too Big / Fragmentation Needed, with the next-hop MTU. */
  PACKET_TOO_BIG,
  /** ICMP Parameter Problem. */
  PARAMETER_PROBLEM,
  /** ICMP Echo Reply from the destination. */
  ECHO_REPLY,
  /** TCP SYN-ACK from the destination: the port is open. */
  TCP_OPEN,
  /** TCP RST from the destination: the port is closed. */
  TCP_REFUSED,
  /** Any other ICMP type. */
  OTHER;

  /** What an ICMP (RFC 792, RFC 1812) or ICMPv6 (RFC 4443) type and code mean for a probe. */
  public static ReplyKind ofIcmp(boolean ipv6, int type, int code) {
    if (ipv6) {
      return switch (type) {
        case IcmpV6.TIME_EXCEEDED -> TIME_EXCEEDED;
        case IcmpV6.DESTINATION_UNREACHABLE -> UNREACHABLE;
        case IcmpV6.PACKET_TOO_BIG -> PACKET_TOO_BIG;
        case IcmpV6.PARAMETER_PROBLEM -> PARAMETER_PROBLEM;
        case IcmpV6.ECHO_REPLY -> ECHO_REPLY;
        default -> OTHER;
      };
    }
    return switch (type) {
      case IcmpV4.TIME_EXCEEDED -> TIME_EXCEEDED;
      // RFC 1191: Fragmentation Needed carries the next-hop MTU, like ICMPv6 Packet Too Big.
      case IcmpV4.DESTINATION_UNREACHABLE ->
          code == IcmpV4.CODE_FRAGMENTATION_NEEDED ? PACKET_TOO_BIG : UNREACHABLE;
      case IcmpV4.PARAMETER_PROBLEM -> PARAMETER_PROBLEM;
      case IcmpV4.ECHO_REPLY -> ECHO_REPLY;
      default -> OTHER;
    };
  }
}
