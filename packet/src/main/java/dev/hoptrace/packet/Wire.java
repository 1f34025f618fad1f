package dev.hoptrace.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Big-endian reads and writes on byte arrays, shared by the codecs of this module. Reads do not
 * check a decoder's logical bounds: each decoder checks lengths first with {@link #require}.
 */
public final class Wire {
  private Wire() {}

  public static int u8(byte[] b, int i) {
    return b[i] & 0xff;
  }

  public static int u16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
  }

  /** Unsigned 32-bit value. */
  public static long u32(byte[] b, int i) {
    return (long) u16(b, i) << 16 | u16(b, i + 2);
  }

  /** The same 32 bits as an int, for fields that are bit sets rather than numbers. */
  public static int i32(byte[] b, int i) {
    return u16(b, i) << 16 | u16(b, i + 2);
  }

  public static void put8(byte[] b, int i, int v) {
    b[i] = (byte) v;
  }

  public static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  public static void put32(byte[] b, int i, long v) {
    put16(b, i, (int) (v >>> 16));
    put16(b, i + 2, (int) v);
  }

  /**
   * Fails when fewer than {@code needed} bytes are available.
   *
   * @param what the structure, e.g. "IPv4 header"
   * @param offset where the structure starts, for the message
   */
  public static void require(int available, int needed, String what, int offset)
      throws MalformedPacketException {
    if (available < needed) {
      throw new MalformedPacketException(
          what + " needs " + needed + " bytes, " + Math.max(available, 0)
              + " available at offset " + offset);
    }
  }

  /** Rejects a caller's range that does not lie inside the array (a programming error). */
  public static void checkRange(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
  }

  public static Inet4Address inet4(byte[] b, int i) {
    byte[] a = new byte[4];
    System.arraycopy(b, i, a, 0, 4);
    try {
      return (Inet4Address) InetAddress.getByAddress(a);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always an IPv4 address", e);
    }
  }

  /** An IPv6 address, kept IPv6 even when it is IPv4-mapped. */
  public static Inet6Address inet6(byte[] b, int i) {
    byte[] a = new byte[16];
    System.arraycopy(b, i, a, 0, 16);
    try {
      return Inet6Address.getByAddress(null, a, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError("16 bytes are always an IPv6 address", e);
    }
  }

  public static void putAddress(byte[] b, int i, InetAddress address) {
    byte[] a = address.getAddress();
    System.arraycopy(a, 0, b, i, a.length);
  }

  /**
   * The bytes from a buffer's position to its limit, without copying when the buffer is backed by
   * an accessible array. The buffer's position is not changed.
   */
  public static Slice slice(ByteBuffer buffer) {
    if (buffer.hasArray() && !buffer.isReadOnly()) {
      return new Slice(
          buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return new Slice(copy, 0, copy.length);
  }

  /** A range of an array. */
  public record Slice(byte[] array, int offset, int length) {}

  static String hex16(int v) {
    return String.format("0x%04x", v);
  }
}
