package dev.hoptrace.linux;

import dev.hoptrace.core.net.ReplyKind;

/** What an ICMP (RFC 792, RFC 1812) or ICMPv6 (RFC 4443) type and code mean for a probe. */
final class IcmpMeaning {
  private IcmpMeaning() {}

  static final int V4_ECHO_REPLY = 0;
  static final int V4_DEST_UNREACHABLE = 3;
  static final int V4_FRAGMENTATION_NEEDED = 4;
  static final int V4_ECHO_REQUEST = 8;
  static final int V4_TIME_EXCEEDED = 11;
  static final int V4_PARAMETER_PROBLEM = 12;
  static final int V6_DEST_UNREACHABLE = 1;
  static final int V6_PACKET_TOO_BIG = 2;
  static final int V6_TIME_EXCEEDED = 3;
  static final int V6_PARAMETER_PROBLEM = 4;
  static final int V6_ECHO_REQUEST = 128;
  static final int V6_ECHO_REPLY = 129;

  static ReplyKind kind(boolean ipv6, int type, int code) {
    if (ipv6) {
      return switch (type) {
        case V6_TIME_EXCEEDED -> ReplyKind.TIME_EXCEEDED;
        case V6_DEST_UNREACHABLE -> ReplyKind.UNREACHABLE;
        case V6_PACKET_TOO_BIG -> ReplyKind.PACKET_TOO_BIG;
        case V6_PARAMETER_PROBLEM -> ReplyKind.PARAMETER_PROBLEM;
        case V6_ECHO_REPLY -> ReplyKind.ECHO_REPLY;
        default -> ReplyKind.OTHER;
      };
    }
    return switch (type) {
      case V4_TIME_EXCEEDED -> ReplyKind.TIME_EXCEEDED;
      // RFC 1191: Fragmentation Needed carries the next-hop MTU, like ICMPv6 Packet Too Big.
      case V4_DEST_UNREACHABLE ->
          code == V4_FRAGMENTATION_NEEDED ? ReplyKind.PACKET_TOO_BIG : ReplyKind.UNREACHABLE;
      case V4_PARAMETER_PROBLEM -> ReplyKind.PARAMETER_PROBLEM;
      case V4_ECHO_REPLY -> ReplyKind.ECHO_REPLY;
      default -> ReplyKind.OTHER;
    };
  }
}
