package dev.hoptrace.scenario;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The addresses of a scenario, derived from link indexes alone so that the lab and the simulator
 * agree without talking: link {@code i} is 198.18.i.0/24 (198.19.(i−254).0/24 from 255 on; the
 * 198.18.0.0/15 benchmarking range, RFC 2544) and 2001:db8:0:i::/64 (documentation range, RFC
 * 3849); end {@code a} is host 1, end {@code b} host 2.
 */
public final class AddressPlan {
  private AddressPlan() {}

  public static Inet4Address ipv4(Link link, String node) {
    int i = link.index();
    byte[] b = {(byte) 198, (byte) (i <= 254 ? 18 : 19), (byte) (i <= 254 ? i : i - 254), host(link, node)};
    return (Inet4Address) address(b);
  }

  public static Inet6Address ipv6(Link link, String node) {
    int i = link.index();
    byte[] b = new byte[16];
    b[0] = 0x20;
    b[1] = 0x01;
    b[2] = 0x0d;
    b[3] = (byte) 0xb8;
    b[6] = (byte) (i >> 8);
    b[7] = (byte) i;
    b[15] = host(link, node);
    return (Inet6Address) address(b);
  }

  public static InetAddress of(Link link, String node, boolean ipv6) {
    return ipv6 ? ipv6(link, node) : ipv4(link, node);
  }

  /** The destination's address, the one a user traces to. */
  public static InetAddress destination(Scenario scenario, boolean ipv6) {
    String name = scenario.destination().name();
    return of(scenario.linksOf(name).getFirst(), name, ipv6);
  }

  /** The client's address, the source of every probe. */
  public static InetAddress client(Scenario scenario, boolean ipv6) {
    String name = scenario.client().name();
    return of(scenario.linksOf(name).getFirst(), name, ipv6);
  }

  /** Prefix length of every link subnet. */
  public static int prefixLength(boolean ipv6) {
    return ipv6 ? 64 : 24;
  }

  private static byte host(Link link, String node) {
    if (link.a().equals(node)) {
      return 1;
    }
    if (link.b().equals(node)) {
      return 2;
    }
    throw new IllegalArgumentException(node + " is not on link " + link.a() + "--" + link.b());
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }
}
