package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_in} and {@code struct sockaddr_in6} (<a
 * href="https://man7.org/linux/man-pages/man7/ip.7.html">ip(7)</a>, <a
 * href="https://man7.org/linux/man-pages/man7/ipv6.7.html">ipv6(7)</a>): family in host order,
 * port and address in network order.
 */
public final class SockAddr {
  private SockAddr() {}

  private static final ValueLayout.OfShort PORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

  public static final StructLayout IN_LAYOUT =
      MemoryLayout.structLayout(
          JAVA_SHORT.withName("sin_family"),
          PORT.withName("sin_port"),
          MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("sin_addr"),
          MemoryLayout.paddingLayout(8));

  public static final StructLayout IN6_LAYOUT =
      MemoryLayout.structLayout(
          JAVA_SHORT.withName("sin6_family"),
          PORT.withName("sin6_port"),
          JAVA_INT.withName("sin6_flowinfo"),
          MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
          JAVA_INT.withName("sin6_scope_id"));

  /** {@code sizeof(struct sockaddr_storage)}: big enough for any address the kernel returns. */
  public static final int STORAGE_SIZE = 128;

  private static final long IN_PORT = IN_LAYOUT.byteOffset(groupElement("sin_port"));
  private static final long IN_ADDR = IN_LAYOUT.byteOffset(groupElement("sin_addr"));
  private static final long IN6_PORT = IN6_LAYOUT.byteOffset(groupElement("sin6_port"));
  private static final long IN6_ADDR = IN6_LAYOUT.byteOffset(groupElement("sin6_addr"));
  private static final long IN6_SCOPE = IN6_LAYOUT.byteOffset(groupElement("sin6_scope_id"));

  /**
   * Writes {@code address:port} into {@code segment} (zeroing what it covers).
   *
   * @return the length to pass as {@code socklen_t}
   */
  public static int write(MemorySegment segment, InetAddress address, int port) {
    if (address instanceof Inet4Address) {
      MemorySegment s = segment.asSlice(0, IN_LAYOUT.byteSize()).fill((byte) 0);
      s.set(JAVA_SHORT, 0, (short) LinuxConstants.AF_INET);
      s.set(PORT, IN_PORT, (short) port);
      MemorySegment.copy(address.getAddress(), 0, s, JAVA_BYTE, IN_ADDR, 4);
      return (int) IN_LAYOUT.byteSize();
    }
    MemorySegment s = segment.asSlice(0, IN6_LAYOUT.byteSize()).fill((byte) 0);
    s.set(JAVA_SHORT, 0, (short) LinuxConstants.AF_INET6);
    s.set(PORT, IN6_PORT, (short) port);
    MemorySegment.copy(address.getAddress(), 0, s, JAVA_BYTE, IN6_ADDR, 16);
    s.set(JAVA_INT, IN6_SCOPE, ((Inet6Address) address).getScopeId());
    return (int) IN6_LAYOUT.byteSize();
  }

  /** AF_INET or AF_INET6 for {@code address}. */
  public static int familyOf(InetAddress address) {
    return address instanceof Inet4Address ? LinuxConstants.AF_INET : LinuxConstants.AF_INET6;
  }

  /** The family field of the address at the start of {@code segment}. */
  public static int family(MemorySegment segment) {
    return segment.get(JAVA_SHORT, 0) & 0xffff;
  }

  /**
   * Reads the address the kernel wrote into {@code segment}.
   *
   * @param length the length the kernel reported ({@code msg_namelen}, {@code socklen_t})
   * @return the address and port, or null when the family is neither AF_INET nor AF_INET6 or the
   *     length is too short for it (e.g. the family-0 offender of a timestamp entry)
   */
  public static InetSocketAddress read(MemorySegment segment, long length) {
    if (length < 2) {
      return null;
    }
    int family = family(segment);
    try {
      if (family == LinuxConstants.AF_INET && length >= IN_LAYOUT.byteSize()) {
        byte[] a = segment.asSlice(IN_ADDR, 4).toArray(JAVA_BYTE);
        int port = segment.get(PORT, IN_PORT) & 0xffff;
        return new InetSocketAddress(InetAddress.getByAddress(a), port);
      }
      if (family == LinuxConstants.AF_INET6 && length >= IN6_LAYOUT.byteSize()) {
        byte[] a = segment.asSlice(IN6_ADDR, 16).toArray(JAVA_BYTE);
        int port = segment.get(PORT, IN6_PORT) & 0xffff;
        int scope = segment.get(JAVA_INT, IN6_SCOPE);
        InetAddress address =
            scope != 0 && isLinkLocal(a)
                ? Inet6Address.getByAddress(null, a, scope)
                : InetAddress.getByAddress(a);
        return new InetSocketAddress(address, port);
      }
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 address bytes are always valid", e);
    }
    return null;
  }

  private static boolean isLinkLocal(byte[] a) {
    return (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80;
  }
}
