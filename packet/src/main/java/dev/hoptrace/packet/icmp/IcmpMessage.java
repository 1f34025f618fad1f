package dev.hoptrace.packet.icmp;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.IpHeader;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.quote.QuotedProbe;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ICMP or ICMPv6 message as a raw socket delivers it, decoded for reply matching.
 *
 * @param outer the IPv4 header around the message; empty for raw ICMPv6 (no IPv6 header is
 *     delivered: take source and hop limit from {@code recvmsg})
 * @param version 4 for ICMP, 6 for ICMPv6
 * @param restOfHeader the second 32-bit word of the ICMP header, raw
 * @param quote the probe an error message quotes; empty for other messages
 * @param extensions RFC 4884 extension objects; {@link IcmpExtensions#NONE} when absent or invalid
 * @param extensionProblem why an extension structure that was present was rejected
 * @param bodyOffset where the bytes after the 8-byte ICMP header start in the input array
 * @param bodyLength how many there are (echo data, or quote plus extensions)
 */
public record IcmpMessage(
    Optional<IpHeader> outer,
    int version,
    int type,
    int code,
    int checksum,
    int restOfHeader,
    Optional<QuotedProbe> quote,
    IcmpExtensions extensions,
    Optional<String> extensionProblem,
    int bodyOffset,
    int bodyLength) {

  public boolean isError() {
    return quote.isPresent();
  }

  public boolean isEchoReply() {
    return type == (version == 6 ? IcmpV6.ECHO_REPLY : IcmpV4.ECHO_REPLY) && code == 0;
  }

  private boolean isEcho() {
    return version == 6
        ? type == IcmpV6.ECHO_REPLY || type == IcmpV6.ECHO_REQUEST
        : type == IcmpV4.ECHO_REPLY || type == IcmpV4.ECHO_REQUEST;
  }

  /** The identifier of an echo request or reply. */
  public OptionalInt echoIdentifier() {
    return isEcho() ? OptionalInt.of(restOfHeader >>> 16) : OptionalInt.empty();
  }

  /** The sequence number of an echo request or reply. */
  public OptionalInt echoSequence() {
    return isEcho() ? OptionalInt.of(restOfHeader & 0xffff) : OptionalInt.empty();
  }

  /**
   * The MTU a Fragmentation Needed (RFC 1191 §4) or Packet Too Big (RFC 4443 §3.2) message
   * reports; empty for other messages and for the 0 that pre-RFC 1191 routers send.
   */
  public OptionalInt mtu() {
    long mtu;
    if (version == 4 && type == IcmpV4.DESTINATION_UNREACHABLE
        && code == IcmpV4.CODE_FRAGMENTATION_NEEDED) {
      mtu = restOfHeader & 0xffff;
    } else if (version == 6 && type == IcmpV6.PACKET_TOO_BIG) {
      mtu = Math.min(restOfHeader & 0xffffffffL, Integer.MAX_VALUE);
    } else {
      return OptionalInt.empty();
    }
    return mtu == 0 ? OptionalInt.empty() : OptionalInt.of((int) mtu);
  }
}
