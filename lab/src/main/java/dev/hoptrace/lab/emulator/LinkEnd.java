package dev.hoptrace.lab.emulator;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One end of an emulated link: the TUN interface the emulator puts into {@code namespace}, named
 * {@code interfaceName}, with these addresses and this interface MTU. Routes are not the
 * emulator's business: the lab adds them like it does on veths.
 *
 * @param interfaceMtu what the kernel in the namespace believes the link carries; set the
 *     {@link LinkProfile#mtu()} lower to emulate a narrower link behind it
 */
public record LinkEnd(
    String namespace, String interfaceName, List<Address> addresses, int interfaceMtu) {
  private static final Pattern IF_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");

  /** An interface address with its prefix, as {@code ip address add} takes it. */
  public record Address(InetAddress address, int prefixLength) {
    public Address {
      Objects.requireNonNull(address, "address");
      int bits = address.getAddress().length * 8;
      if (prefixLength < 0 || prefixLength > bits) {
        throw new IllegalArgumentException("prefix /" + prefixLength + " for " + address);
      }
    }

    String cidr() {
      return address.getHostAddress() + "/" + prefixLength;
    }
  }

  public LinkEnd {
    Objects.requireNonNull(namespace, "namespace");
    if (!IF_NAME.matcher(interfaceName).matches()) {
      throw new IllegalArgumentException("interface name must be 1-15 of [a-zA-Z0-9_.-]: "
          + interfaceName);
    }
    addresses = List.copyOf(addresses);
    if (interfaceMtu < 68 || interfaceMtu > LinkProfile.UNLIMITED) {
      throw new IllegalArgumentException("interface mtu " + interfaceMtu);
    }
  }

  /** An end with MTU 1500. */
  public static LinkEnd of(String namespace, String interfaceName, Address... addresses) {
    return new LinkEnd(namespace, interfaceName, List.of(addresses), 1500);
  }

  public LinkEnd withInterfaceMtu(int mtu) {
    return new LinkEnd(namespace, interfaceName, addresses, mtu);
  }
}
