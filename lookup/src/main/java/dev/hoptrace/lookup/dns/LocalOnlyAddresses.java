package dev.hoptrace.lookup.dns;

import java.net.InetAddress;

/**
 * Addresses whose names no DNS server can know, so asking would only send a packet off the machine.
 *
 * <p>A trace to 127.0.0.1 must not leak a query (the quick-start promise); link-local addresses are
 * per-link, the unspecified address is nobody, and multicast groups are not hops. Such addresses
 * get a name only from the hosts file.
 */
final class LocalOnlyAddresses {

  private LocalOnlyAddresses() {}

  static boolean contains(InetAddress address) {
    return address.isLoopbackAddress() // 127.0.0.0/8, ::1
        || address.isLinkLocalAddress() // 169.254.0.0/16, fe80::/10
        || address.isAnyLocalAddress() // 0.0.0.0, ::
        || address.isMulticastAddress(); // 224.0.0.0/4, ff00::/8
  }
}
