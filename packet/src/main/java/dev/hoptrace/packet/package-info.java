/**
 * Wire codecs for IPv4, IPv6, UDP, TCP, ICMP and ICMPv6 headers and the Internet checksum. Pure:
 * no I/O, no dependencies. Decoders read only inside the range they are given and fail only with
 * {@link dev.hoptrace.packet.MalformedPacketException}.
 */
package dev.hoptrace.packet;
