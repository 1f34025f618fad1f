package dev.hoptrace.sim;

import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;

/** What an ICMP (RFC 792, RFC 1812) or ICMPv6 (RFC 4443) type and code mean for a probe. */
final class ReplyKinds {
  private ReplyKinds() {}

  static ReplyKind of(boolean ipv6, int type, int code) {
    if (ipv6) {
      return switch (type) {
        case IcmpV6.TIME_EXCEEDED -> ReplyKind.TIME_EXCEEDED;
        case IcmpV6.DESTINATION_UNREACHABLE -> ReplyKind.UNREACHABLE;
        case IcmpV6.PACKET_TOO_BIG -> ReplyKind.PACKET_TOO_BIG;
        case IcmpV6.PARAMETER_PROBLEM -> ReplyKind.PARAMETER_PROBLEM;
        case IcmpV6.ECHO_REPLY -> ReplyKind.ECHO_REPLY;
        default -> ReplyKind.OTHER;
      };
    }
    return switch (type) {
      case IcmpV4.TIME_EXCEEDED -> ReplyKind.TIME_EXCEEDED;
      // RFC 1191: Fragmentation Needed carries the next-hop MTU, like ICMPv6 Packet Too Big.
      case IcmpV4.DESTINATION_UNREACHABLE -> code == IcmpV4.CODE_FRAGMENTATION_NEEDED
          ? ReplyKind.PACKET_TOO_BIG : ReplyKind.UNREACHABLE;
      case IcmpV4.PARAMETER_PROBLEM -> ReplyKind.PARAMETER_PROBLEM;
      case IcmpV4.ECHO_REPLY -> ReplyKind.ECHO_REPLY;
      default -> ReplyKind.OTHER;
    };
  }
}
