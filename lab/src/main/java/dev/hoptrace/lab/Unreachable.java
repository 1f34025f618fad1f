package dev.hoptrace.lab;

/**
 * The ICMP Destination Unreachable a rejecting router sends, in both families, with the
 * annotation Linux traceroute prints for it (anchors §1).
 */
public enum Unreachable {
  /** IPv4 type 3 code 0 (net unreachable); ICMPv6 type 1 code 0 (no route). */
  NET("net-unreachable", 0, "no-route", 0, "!N"),
  /** IPv4 type 3 code 1 (host unreachable); ICMPv6 type 1 code 3 (address unreachable). */
  HOST("host-unreachable", 1, "addr-unreachable", 3, "!H"),
  /** IPv4 type 3 code 13 (communication administratively prohibited); ICMPv6 type 1 code 1. */
  ADMIN_PROHIBITED("admin-prohibited", 13, "admin-prohibited", 1, "!X");

  private final String nftIcmpType;
  private final int icmpCode;
  private final String nftIcmpv6Type;
  private final int icmpv6Code;
  private final String annotation;

  Unreachable(
      String nftIcmpType, int icmpCode, String nftIcmpv6Type, int icmpv6Code, String annotation) {
    this.nftIcmpType = nftIcmpType;
    this.icmpCode = icmpCode;
    this.nftIcmpv6Type = nftIcmpv6Type;
    this.icmpv6Code = icmpv6Code;
    this.annotation = annotation;
  }

  /** The nftables {@code reject with icmp type …} / {@code icmpv6 type …} name. */
  String nftType(IpFamily family) {
    return family == IpFamily.IPV4 ? nftIcmpType : nftIcmpv6Type;
  }

  /** The ICMP type on the wire: 3 for IPv4, 1 for ICMPv6. */
  public int icmpType(IpFamily family) {
    return family == IpFamily.IPV4 ? 3 : 1;
  }

  /** The ICMP code on the wire. */
  public int icmpCode(IpFamily family) {
    return family == IpFamily.IPV4 ? icmpCode : icmpv6Code;
  }

  /** What traceroute prints after the RTT, e.g. {@code !H}. */
  public String annotation() {
    return annotation;
  }
}
