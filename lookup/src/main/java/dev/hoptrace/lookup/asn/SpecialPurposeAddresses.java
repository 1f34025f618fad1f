package dev.hoptrace.lookup.asn;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses that no autonomous system announces to the Internet, so asking a public service about
 * them would only tell it which private networks a trace crossed.
 *
 * <p>From the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and later): private
 * (RFC 1918), shared (RFC 6598), loopback, link-local, benchmarking (RFC 2544), documentation (RFC
 * 5737, 3849, 9637), multicast and reserved space. For IPv6 only global unicast (2000::/3) is
 * announced at all; within it the documentation, benchmarking, IETF protocol (Teredo and others)
 * and 6to4 blocks are excluded too.
 */
final class SpecialPurposeAddresses {

  /** IPv4 blocks as {first octet, second octet, third octet, prefix length}. */
  private static final int[][] IPV4 = {
      {0, 0, 0, 8}, // "this network" (RFC 791)
      {10, 0, 0, 8}, // private (RFC 1918)
      {100, 64, 0, 10}, // shared address space, carrier-grade NAT (RFC 6598)
      {127, 0, 0, 8}, // loopback
      {169, 254, 0, 16}, // link-local (RFC 3927)
      {172, 16, 0, 12}, // private
      {192, 0, 0, 24}, // IETF protocol assignments (RFC 6890)
      {192, 0, 2, 24}, // TEST-NET-1 (RFC 5737)
      {192, 88, 99, 24}, // 6to4 relay anycast, deprecated (RFC 7526)
      {192, 168, 0, 16}, // private
      {198, 18, 0, 15}, // benchmarking (RFC 2544)
      {198, 51, 100, 24}, // TEST-NET-2
      {203, 0, 113, 24}, // TEST-NET-3
      {224, 0, 0, 4}, // multicast
      {240, 0, 0, 4}, // reserved, and 255.255.255.255
  };

  private SpecialPurposeAddresses() {}

  static boolean contains(InetAddress address) {
    byte[] b = address.getAddress();
    return address instanceof Inet4Address ? ipv4(b) : ipv6(b);
  }

  private static boolean ipv4(byte[] b) {
    int value = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    for (int[] block : IPV4) {
      int network = (block[0] << 24) | (block[1] << 16) | (block[2] << 8);
      int mask = -1 << (32 - block[3]);
      if ((value & mask) == network) {
        return true;
      }
    }
    return false;
  }

  private static boolean ipv6(byte[] b) {
    int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if ((first16 & 0xe000) != 0x2000) {
      return true; // outside global unicast 2000::/3: ULA, link-local, multicast, ::1, ::ffff:...
    }
    return (first16 == 0x2001 && second16 < 0x0200) // 2001::/23, IETF protocol assignments
        || (first16 == 0x2001 && second16 == 0x0db8) // 2001:db8::/32, documentation (RFC 3849)
        || first16 == 0x2002 // 2002::/16, 6to4 (RFC 3056)
        || (first16 == 0x3fff && second16 < 0x1000); // 3fff::/20, documentation (RFC 9637)
  }
}
