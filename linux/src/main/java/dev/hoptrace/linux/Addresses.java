package dev.hoptrace.linux;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address helpers that never touch DNS. */
final class Addresses {
  private Addresses() {}

  /** 0.0.0.0 or ::. */
  static InetAddress wildcard(boolean ipv6) {
    try {
      return InetAddress.getByAddress(new byte[ipv6 ? 16 : 4]);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** The literal form, e.g. {@code 192.0.2.1} or {@code 2001:db8::1}; never a host name. */
  static String literal(InetAddress address) {
    return address.getHostAddress();
  }
}
