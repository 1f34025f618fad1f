package dev.hoptrace.scenario;

import dev.hoptrace.packet.AddressText;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block written {@code 198.19.16.0/20} or {@code 2001:db8:1::/116}, as a node of a
 * scenario owns it: every address in it is that node's (see {@link OwnedPrefixes}).
 *
 * @param network the first address; its host bits are zero
 * @param length the prefix length, 0..32 or 0..128
 */
public record Prefix(InetAddress network, int length) {

  public Prefix {
    int bits = network.getAddress().length * 8;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length " + length + " is not 0.." + bits);
    }
    if (!new BigInteger(1, network.getAddress()).and(hostMask(bits, length)).equals(BigInteger.ZERO)) {
      throw new IllegalArgumentException(network.getHostAddress() + "/" + length
          + " has host bits set; write " + at(network, bits, length, BigInteger.ZERO) + "/" + length);
    }
  }

  /**
   * Reads {@code ADDRESS/LENGTH}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Prefix parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (slash < 0 || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))
        || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
      throw new IllegalArgumentException("expected a prefix such as 198.19.16.0/20 or"
          + " 2001:db8:1::/116, got '" + text + "'");
    }
    try {
      return new Prefix(InetAddress.getByName(address), Integer.parseInt(text.substring(slash + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + address + "' is not an IP address");
    }
  }

  public boolean ipv6() {
    return network instanceof Inet6Address;
  }

  /** Whether {@code address} (of either family) lies in this prefix. */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int whole = length / 8;
    for (int i = 0; i < whole; i++) {
      if (a[i] != n[i]) {
        return false;
      }
    }
    int rest = length % 8;
    return rest == 0 || ((a[whole] ^ n[whole]) & (0xff << (8 - rest)) & 0xff) == 0;
  }

  /** Whether the two share any address. */
  public boolean overlaps(Prefix other) {
    return length <= other.length ? contains(other.network) : other.contains(network);
  }

  /** How many addresses it holds. */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(network.getAddress().length * 8 - length);
  }

  /** Address number {@code index} (0 = the network address) of the prefix. */
  public InetAddress address(BigInteger index) {
    if (index.signum() < 0 || index.compareTo(size()) >= 0) {
      throw new IllegalArgumentException("address " + index + " is outside " + this);
    }
    int bits = network.getAddress().length * 8;
    try {
      return InetAddress.getByName(at(network, bits, length, index));
    } catch (UnknownHostException e) {
      throw new AssertionError("a literal always parses", e);
    }
  }

  private static BigInteger hostMask(int bits, int length) {
    return BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
  }

  private static String at(InetAddress network, int bits, int length, BigInteger host) {
    BigInteger value = new BigInteger(1, network.getAddress()).andNot(hostMask(bits, length)).or(host);
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[bits / 8];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    try {
      return AddressText.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }

  /** {@code ADDRESS/LENGTH}, IPv6 compressed. */
  @Override
  public String toString() {
    return at(network, network.getAddress().length * 8, length, BigInteger.ZERO) + "/" + length;
  }
}
