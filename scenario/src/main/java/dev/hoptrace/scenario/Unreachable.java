package dev.hoptrace.scenario;

/** Destination Unreachable codes a scenario can ask for, with their ICMP and ICMPv6 codes. */
public enum Unreachable {
  /** Network unreachable: traceroute {@code !N}. */
  NET(0, 0),
  /** Host unreachable (ICMPv6: address unreachable): {@code !H}. */
  HOST(1, 3),
  /** Communication administratively prohibited: {@code !X}. */
  ADMIN(13, 1),
  /** Port unreachable: the destination itself answered. */
  PORT(3, 4);

  /** RFC 792 / RFC 1812 code. */
  public final int icmpV4Code;
  /** RFC 4443 code. */
  public final int icmpV6Code;

  Unreachable(int icmpV4Code, int icmpV6Code) {
    this.icmpV4Code = icmpV4Code;
    this.icmpV6Code = icmpV6Code;
  }
}
