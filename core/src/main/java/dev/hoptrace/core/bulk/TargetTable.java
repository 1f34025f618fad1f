package dev.hoptrace.core.bulk;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The destinations of a bulk run, all of one family, numbered 0..n-1. Addresses are kept packed
 * in one array and found again by address through an open-addressing index, so that a reply is
 * tied to its destination without allocating and memory grows with destinations only (about 12
 * bytes per IPv4 destination), never with probes.
 */
public final class TargetTable {
  private final boolean ipv6;
  private final int addressLength;
  private final byte[] addresses;
  private final int count;
  /** Slot → destination index + 1; 0 = empty. Size a power of two, at least twice the count. */
  private final int[] index;
  private final int mask;
  /** Names the user gave, where the line was a name rather than an address. */
  private final Map<Integer, String> names;

  /** Indexes {@code given} addresses, keeping the first of each repeated one. */
  private TargetTable(boolean ipv6, byte[] given, int givenCount, Map<Integer, String> givenNames) {
    this.ipv6 = ipv6;
    this.addressLength = ipv6 ? 16 : 4;
    int size = Integer.highestOneBit(Math.max(4, givenCount) * 2 - 1) << 1;
    this.index = new int[size];
    this.mask = size - 1;
    this.addresses = given;
    Map<Integer, String> kept = new HashMap<>();
    int n = 0;
    for (int i = 0; i < givenCount; i++) {
      if (findAmong(n, given, i * addressLength) >= 0) {
        continue;
      }
      System.arraycopy(given, i * addressLength, given, n * addressLength, addressLength);
      int slot = hash(given, n * addressLength) & mask;
      while (index[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = n + 1;
      String name = givenNames.get(i);
      if (name != null) {
        kept.put(n, name);
      }
      n++;
    }
    this.count = n;
    this.names = Map.copyOf(kept);
  }

  /** Collects destinations in the order given; a repeated address is kept once. Not reusable. */
  public static final class Builder {
    private final boolean ipv6;
    private final int length;
    private byte[] addresses = new byte[64];
    private int count;
    private final Map<Integer, String> names = new HashMap<>();

    public Builder(boolean ipv6) {
      this.ipv6 = ipv6;
      this.length = ipv6 ? 16 : 4;
    }

    /** Adds a destination (a repeated one is dropped when the table is built). */
    public boolean add(InetAddress address, String name) {
      if ((address instanceof Inet6Address) != ipv6) {
        throw new IllegalArgumentException(address.getHostAddress() + " is not IPv" + (ipv6 ? 6 : 4));
      }
      return add(address.getAddress(), name);
    }

    /** Adds a destination from its {@code 4} or {@code 16} address bytes. */
    public boolean add(byte[] address, String name) {
      if ((count + 1) * length > addresses.length) {
        addresses = Arrays.copyOf(addresses, addresses.length * 2);
      }
      System.arraycopy(address, 0, addresses, count * length, length);
      if (name != null) {
        names.put(count, name);
      }
      count++;
      return true;
    }

    /** Destinations added so far, repeats included. */
    public int size() {
      return count;
    }

    public TargetTable build() {
      TargetTable table = new TargetTable(ipv6, addresses, count, names);
      addresses = new byte[0];
      return table;
    }
  }

  /** A table of the given addresses, all of one family, in order. */
  public static TargetTable of(List<InetAddress> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no destinations");
    }
    Builder builder = new Builder(targets.getFirst() instanceof Inet6Address);
    targets.forEach(t -> builder.add(t, null));
    return builder.build();
  }

  public boolean ipv6() {
    return ipv6;
  }

  public int size() {
    return count;
  }

  /** 4 for IPv4, 16 for IPv6. */
  public int addressLength() {
    return addressLength;
  }

  /** Copies destination {@code i}'s address into {@code to} at {@code at}. */
  public void copyAddress(int i, byte[] to, int at) {
    System.arraycopy(addresses, i * addressLength, to, at, addressLength);
  }

  /** Whether {@code length} bytes at {@code at} are destination {@code i}'s address. */
  public boolean isAddress(int i, byte[] b, int at) {
    return same(i, b, at);
  }

  /** The destination whose address is at {@code b[at..]}, or -1. */
  public int find(byte[] b, int at) {
    if (at < 0 || at + addressLength > b.length) {
      return -1;
    }
    return findAmong(count, b, at);
  }

  private int findAmong(int known, byte[] b, int at) {
    int slot = hash(b, at) & mask;
    for (int probes = 0; probes <= mask; probes++) {
      int entry = index[slot];
      if (entry == 0) {
        return -1;
      }
      if (entry <= known && same(entry - 1, b, at)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Whether destination {@code i}'s address is at {@code b[at..]}; IPv4 byte by byte, fast. */
  private boolean same(int i, byte[] b, int at) {
    int base = i * addressLength;
    if (addressLength == 4) {
      return addresses[base] == b[at] && addresses[base + 1] == b[at + 1]
          && addresses[base + 2] == b[at + 2] && addresses[base + 3] == b[at + 3];
    }
    return Arrays.equals(addresses, base, base + 16, b, at, at + 16);
  }

  /** Destination {@code i}'s {@link ProbeStamp} check under {@code secret}. */
  public int check(int i, long secret) {
    return ProbeStamp.checkOf(addresses, i * addressLength, addressLength, secret);
  }

  public InetAddress address(int i) {
    try {
      return InetAddress.getByAddress(
          Arrays.copyOfRange(addresses, i * addressLength, (i + 1) * addressLength));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** The name the user gave for destination {@code i}, or its address as text. */
  public String hostName(int i) {
    String name = names.get(i);
    return name != null ? name : dev.hoptrace.packet.AddressText.of(address(i));
  }

  private int hash(byte[] b, int at) {
    int h = 0x9747b28c;
    for (int k = 0; k < addressLength; k++) {
      h = (h ^ (b[at + k] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 15);
  }
}
