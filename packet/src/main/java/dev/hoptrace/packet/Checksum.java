package dev.hoptrace.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071): the one's complement of the one's complement sum of 16-bit
 * words. A region whose checksum field holds the right value sums to a checksum of 0.
 */
public final class Checksum {
  private Checksum() {}

  /** The checksum of {@code len} bytes; an odd last byte is padded with a zero (RFC 1071 §4.1). */
  public static int of(byte[] b, int off, int len) {
    return finish(sum(b, off, len, 0));
  }

  /** Adds bytes to a running one's complement sum; start with 0. */
  public static long sum(byte[] b, int off, int len, long running) {
    Wire.checkRange(b, off, len);
    long s = running;
    int end = off + len - 1;
    int i = off;
    for (; i < end; i += 2) {
      s += (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }
    if (i == end) {
      s += (b[i] & 0xff) << 8;
    }
    return s;
  }

  /** Folds the carries of a running sum and complements it. */
  public static int finish(long sum) {
    long s = sum;
    while ((s >>> 16) != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return (int) (~s & 0xffff);
  }

  /**
   * The sum of the pseudo-header that UDP, TCP (RFC 768, RFC 9293 §3.1) and ICMPv6 (RFC 8200
   * §8.1) prepend: IPv4 source, destination, zero, protocol, length; or IPv6 source,
   * destination, 32-bit length, three zero bytes, next header.
   */
  public static long pseudoHeaderSum(InetAddress src, InetAddress dst, int protocol, int length) {
    boolean v4 = src instanceof Inet4Address && dst instanceof Inet4Address;
    boolean v6 = src instanceof Inet6Address && dst instanceof Inet6Address;
    if (!v4 && !v6) {
      throw new IllegalArgumentException("source and destination families differ");
    }
    byte[] s = src.getAddress();
    byte[] d = dst.getAddress();
    long sum = sum(s, 0, s.length, 0);
    sum = sum(d, 0, d.length, sum);
    return sum + protocol + (length & 0xffff) + (length >>> 16);
  }

  /**
   * The checksum of a transport segment (UDP, TCP, ICMPv6) with its pseudo-header, taking the
   * segment's checksum field as it is: 0 when it already holds the right value, the value to store
   * when it holds zero.
   */
  public static int transport(
      InetAddress src, InetAddress dst, int protocol, byte[] segment, int off, int len) {
    return finish(sum(segment, off, len, pseudoHeaderSum(src, dst, protocol, len)));
  }

  /**
   * The 16-bit word to store in a zeroed slot so that the checksum becomes {@code wanted}. Paris
   * traceroute keeps the UDP checksum constant per flow (and carries the probe identity in it) by
   * choosing two payload bytes this way.
   *
   * <p>The slot must start at an even offset from the start of the checksummed data; write the
   * word big-endian. Afterwards store {@code wanted} in the checksum field. For UDP, {@code wanted}
   * must not be 0 (RFC 768: zero means "no checksum").
   *
   * @param checksumWithZeroSlot the checksum computed with the slot and checksum field zero
   * @param wanted the checksum wanted, 0..0xffff
   */
  public static int compensation(int checksumWithZeroSlot, int wanted) {
    // checksum = ~(S + x), so x = ~wanted - S = ~wanted + ~S in one's complement arithmetic.
    long s = (~wanted & 0xffff) + (checksumWithZeroSlot & 0xffff);
    return (int) ((s & 0xffff) + (s >>> 16)) & 0xffff;
  }

  /**
   * A checksum field after words it covers changed from {@code before} to {@code after}, without
   * summing the rest again (RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')). A NAT updates the
   * transport checksum this way when it rewrites an address of the pseudo-header; swapping the
   * two arguments undoes what it did.
   *
   * @param field the checksum field as it is now
   * @param before the covered bytes as they were (even length, at an even offset in the sum)
   * @param after the same bytes as they are now, as long as {@code before}
   */
  public static int update(int field, byte[] before, byte[] after) {
    if (before.length != after.length || before.length % 2 != 0) {
      throw new IllegalArgumentException("the changed words must be as many before as after");
    }
    long s = ~field & 0xffff;
    for (int i = 0; i < before.length; i += 2) {
      s += ~((before[i] & 0xff) << 8 | (before[i + 1] & 0xff)) & 0xffff;
      s += (after[i] & 0xff) << 8 | (after[i + 1] & 0xff);
    }
    return finish(s);
  }
}
