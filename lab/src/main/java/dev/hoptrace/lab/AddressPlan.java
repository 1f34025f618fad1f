package dev.hoptrace.lab;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Numbers the links of a lab. Link {@code i} (from 1) gets 198.18.{@code i}.0/24 and
 * 2001:db8:0:{@code i}::/64; the node nearer the client takes host 1, the farther node host 2.
 * So a router's client-facing address, the one a traceroute shows, is always host 2.
 */
public final class AddressPlan {
  /** Links per lab: one /24 each inside 198.18.0.0/16. */
  public static final int MAX_LINKS = 255;

  /** The end of a link a node sits on. */
  public enum Side {
    /** The end nearer the client: host 1. */
    NEAR(1),
    /** The end farther from the client: host 2. */
    FAR(2);

    private final int host;

    Side(int host) {
      this.host = host;
    }
  }

  private AddressPlan() {}

  /** The address of {@code side} on link {@code link}. */
  public static InetAddress address(int link, Side side, IpFamily family) {
    checkLink(link);
    String text = family == IpFamily.IPV4
        ? "198.18." + link + "." + side.host
        : "2001:db8:0:" + Integer.toHexString(link) + "::" + side.host;
    return literal(text);
  }

  /** The prefix length of every link subnet. */
  public static int prefixLength(IpFamily family) {
    return family == IpFamily.IPV4 ? 24 : 64;
  }

  /** Link {@code link}'s subnet in CIDR notation, e.g. {@code 198.18.3.0/24}. */
  public static String subnet(int link, IpFamily family) {
    checkLink(link);
    return family == IpFamily.IPV4
        ? "198.18." + link + ".0/24"
        : "2001:db8:0:" + Integer.toHexString(link) + "::/64";
  }

  /** Everything a lab may use, routed from the client into the lab and nowhere else. */
  public static String labRange(IpFamily family) {
    return family == IpFamily.IPV4 ? "198.18.0.0/15" : "2001:db8::/32";
  }

  /** {@code address}/prefix, as {@code ip address add} wants it. */
  static String cidr(int link, Side side, IpFamily family) {
    return address(link, side, family).getHostAddress() + "/" + prefixLength(family);
  }

  private static void checkLink(int link) {
    if (link < 1 || link > MAX_LINKS) {
      throw new IllegalArgumentException("link must be 1.." + MAX_LINKS + ", got " + link);
    }
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text); // a literal: never a DNS query
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not a literal: " + text, e);
    }
  }
}
