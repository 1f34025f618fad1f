package dev.hoptrace.core.net;

/** The transport a probe uses: what a router forwards and what the destination answers. */
public enum Protocol {
  /** UDP datagrams to a (usually closed) port; the destination answers Port Unreachable. */
  UDP,
  /** ICMP / ICMPv6 echo requests; the destination answers Echo Reply. */
  ICMP,
  /** TCP SYN to a port; the destination answers SYN-ACK (open) or RST (closed). */
  TCP
}
