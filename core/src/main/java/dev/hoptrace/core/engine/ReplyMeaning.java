package dev.hoptrace.core.engine;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;

/**
 * What a reply means for the trace, in Linux traceroute's vocabulary: the annotation printed after
 * the RTT and whether the trace stops at this hop.
 *
 * @param annotation {@code !H}, {@code !N}, {@code !X}, {@code !P}, {@code !S}, {@code !V},
 *     {@code !C}, {@code !F-<mtu>}, {@code !<code>}, {@code !<type>-<code>}, or ""
 * @param isFinal the trace stops at this hop (destination answered, or an error that no later TTL
 *     will get past)
 */
public record ReplyMeaning(String annotation, boolean isFinal) {
  private static final ReplyMeaning IN_TRANSIT = new ReplyMeaning("", false);
  private static final ReplyMeaning ANSWERED = new ReplyMeaning("", true);

  static ReplyMeaning of(Reply reply, boolean ipv6) {
    return of(reply.kind(), reply.icmpType(), reply.icmpCode(), reply.mtu(), ipv6);
  }

  /** The meaning of a reply given by its parts (bulk traces keep no {@link Reply} objects). */
  public static ReplyMeaning of(ReplyKind kind, int icmpType, int icmpCode, int mtu, boolean ipv6) {
    return switch (kind) {
      case TIME_EXCEEDED -> IN_TRANSIT;
      case ECHO_REPLY, TCP_OPEN, TCP_REFUSED -> ANSWERED;
      case PACKET_TOO_BIG -> new ReplyMeaning("!F-" + mtu, true);
      case UNREACHABLE -> new ReplyMeaning(
          ipv6 ? unreachableV6(icmpCode) : unreachableV4(icmpCode, mtu), true);
      case PARAMETER_PROBLEM, OTHER -> new ReplyMeaning("!" + icmpType + "-" + icmpCode, true);
    };
  }

  /** RFC 792 and RFC 1812 §5.2.7.1 codes, grouped as Linux traceroute prints them. */
  private static String unreachableV4(int code, int mtu) {
    return switch (code) {
      case 0, 6, 8, 11 -> "!N";
      case 1, 7, 12 -> "!H";
      case 2 -> "!P";
      case 3 -> ""; // port unreachable: the destination itself answered
      case 4 -> "!F-" + mtu;
      case 5 -> "!S";
      case 9, 10, 13 -> "!X";
      case 14 -> "!V";
      case 15 -> "!C";
      default -> "!" + code;
    };
  }

  /** RFC 4443 §3.1 codes. */
  private static String unreachableV6(int code) {
    return switch (code) {
      case 0 -> "!N";
      case 1 -> "!X";
      case 2, 3 -> "!H";
      case 4 -> ""; // port unreachable: the destination itself answered
      default -> "!" + code;
    };
  }

  /** True when the kind is one only the destination itself sends for our probes. */
  static boolean fromDestination(ReplyKind kind) {
    return kind == ReplyKind.ECHO_REPLY || kind == ReplyKind.TCP_OPEN || kind == ReplyKind.TCP_REFUSED;
  }
}
