package dev.hoptrace.packet;

import java.net.InetAddress;

/** What IPv4 and IPv6 headers have in common for matching replies to probes. */
public sealed interface IpHeader permits Ipv4Header, Ipv6Header {

  /** 4 or 6. */
  int version();

  InetAddress source();

  InetAddress destination();

  /** The TTL (IPv4) or hop limit (IPv6). */
  int hopLimit();

  /** The fixed header plus IPv4 options; IPv6 extension headers are not included. */
  int headerLength();

  /** The protocol (IPv4) or first next header (IPv6). */
  int nextProtocol();

  /** The whole datagram's length as the header states it: IPv4 total length, 40 + payload. */
  int datagramLength();
}
