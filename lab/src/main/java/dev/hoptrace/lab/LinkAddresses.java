package dev.hoptrace.lab;

import dev.hoptrace.scenario.AddressPlan;
import dev.hoptrace.scenario.Link;
import java.net.InetAddress;

/**
 * The scenario's {@link AddressPlan} as {@code ip} wants to read it: interface addresses with
 * their prefix, link subnets, and the ranges the client and destination route into the lab.
 */
final class LinkAddresses {
  private LinkAddresses() {}

  /** {@code node}'s address on {@code link}. */
  static InetAddress of(Link link, String node, IpFamily family) {
    return AddressPlan.of(link, node, family == IpFamily.IPV6);
  }

  /** {@code node}'s address on {@code link} with the link's prefix, as {@code ip address add} takes it. */
  static String cidr(Link link, String node, IpFamily family) {
    return AddressText.of(of(link, node, family)) + "/"
        + AddressPlan.prefixLength(family == IpFamily.IPV6);
  }

  /** The link's subnet, e.g. {@code 198.18.3.0/24} or {@code 2001:db8:0:3::/64}. */
  static String subnet(Link link, IpFamily family) {
    byte[] bytes = of(link, link.a(), family).getAddress();
    bytes[bytes.length - 1] = 0; // hosts are 1 and 2: only the last byte differs
    return AddressText.of(address(bytes)) + "/" + AddressPlan.prefixLength(family == IpFamily.IPV6);
  }

  /**
   * Everything a lab may use, routed from the client and destination into the lab and nowhere
   * else: 198.18.0.0/15 (RFC 2544 benchmarking) and 2001:db8::/32 (RFC 3849 documentation).
   * Reply-from addresses of the scenario format lie inside these ranges too.
   */
  static String labRange(IpFamily family) {
    return family == IpFamily.IPV4 ? "198.18.0.0/15" : "2001:db8::/32";
  }

  /** {@code address} as a host route: /32 or /128. */
  static String host(InetAddress address) {
    return AddressText.of(address) + (address.getAddress().length == 4 ? "/32" : "/128");
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }
}
