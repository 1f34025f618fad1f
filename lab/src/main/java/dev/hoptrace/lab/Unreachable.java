package dev.hoptrace.lab;

/**
 * The ICMP Destination Unreachable a rejecting router sends, in both families, with the
 * annotation Linux traceroute prints for it (anchors §1).
 */
public enum Unreachable {
  /** IPv4 type 3 code 0 (net unreachable); ICMPv6 type 1 code 0 (no route). */
  NET(0, 0, "!N"),
  /** IPv4 type 3 code 1 (host unreachable); ICMPv6 type 1 code 3 (address unreachable). */
  HOST(1, 3, "!H"),
  /** IPv4 type 3 code 13 (communication administratively prohibited); ICMPv6 type 1 code 1. */
  ADMIN_PROHIBITED(13, 1, "!X");

  private final int icmpCode;
  private final int icmpv6Code;
  private final String annotation;

  Unreachable(int icmpCode, int icmpv6Code, String annotation) {
    this.icmpCode = icmpCode;
    this.icmpv6Code = icmpv6Code;
    this.annotation = annotation;
  }

  /** The same code in the scenario format. */
  dev.hoptrace.scenario.Unreachable scenarioCode() {
    return switch (this) {
      case NET -> dev.hoptrace.scenario.Unreachable.NET;
      case HOST -> dev.hoptrace.scenario.Unreachable.HOST;
      case ADMIN_PROHIBITED -> dev.hoptrace.scenario.Unreachable.ADMIN;
    };
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
