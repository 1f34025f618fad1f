package dev.hoptrace.core.net;

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
  OTHER
}
