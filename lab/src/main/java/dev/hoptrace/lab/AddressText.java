package dev.hoptrace.lab;

import java.net.InetAddress;

/**
 * Addresses as people and tools print them: dotted quads, and IPv6 in the RFC 5952 canonical
 * form ({@code 2001:db8:0:7::2}) rather than Java's uncompressed {@code 2001:db8:0:7:0:0:0:2}.
 */
public final class AddressText {
  private AddressText() {}

  public static String of(InetAddress address) {
    return dev.hoptrace.packet.AddressText.of(address);
  }
}
