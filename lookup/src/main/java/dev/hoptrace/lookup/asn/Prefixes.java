package dev.hoptrace.lookup.asn;

import dev.hoptrace.packet.AddressText;
import java.net.Inet4Address;
import java.net.InetAddress;

/** Networks in CIDR notation: checked when read from outside, written in one canonical form. */
final class Prefixes {

  private Prefixes() {}

  /** {@code network/length} with the address in canonical form (RFC 5952 for IPv6). */
  static String of(InetAddress network, int length) {
    int bits = network instanceof Inet4Address ? 32 : 128;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length " + length + " out of range 0-" + bits);
    }
    return AddressText.of(network) + "/" + length;
  }

  /** The canonical form of {@code text} if it is a network in CIDR notation, else "". */
  static String normalise(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    if (slash <= 0 || t.length() > 64 || !t.chars().allMatch(Prefixes::cidrChar)) {
      return "";
    }
    try {
      InetAddress network = InetAddress.ofLiteral(t.substring(0, slash));
      int length = Integer.parseInt(t.substring(slash + 1));
      return of(network, length);
    } catch (IllegalArgumentException e) { // includes NumberFormatException
      return "";
    }
  }

  private static boolean cidrChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
        || c == '.' || c == ':' || c == '/';
  }
}
