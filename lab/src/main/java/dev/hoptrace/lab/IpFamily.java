package dev.hoptrace.lab;

/** The two address families every lab link carries. */
public enum IpFamily {
  IPV4,
  IPV6;

  /** The flag that selects this family in {@code ip}, {@code ping} and traceroute. */
  public String flag() {
    return this == IPV4 ? "-4" : "-6";
  }
}
