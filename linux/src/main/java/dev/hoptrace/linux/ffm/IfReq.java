package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct ifreq} (<a href="https://man7.org/linux/man-pages/man7/netdevice.7.html">
 * netdevice(7)</a>) as {@code TUNSETIFF} reads it: the interface name, then a union whose only
 * member used here is {@code short ifr_flags}. The union's largest member is {@code struct ifmap}
 * (24 bytes on LP64), so the struct is 40 bytes with the union 8-aligned at offset 16.
 */
public final class IfReq {
  private IfReq() {}

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
              MemoryLayout.sequenceLayout(LinuxConstants.IFNAMSIZ, JAVA_BYTE).withName("ifr_name"),
              JAVA_SHORT.withName("ifr_flags"),
              MemoryLayout.paddingLayout(22))
          .withByteAlignment(8);

  static final long NAME = LAYOUT.byteOffset(groupElement("ifr_name"));
  static final long FLAGS = LAYOUT.byteOffset(groupElement("ifr_flags"));

  /** A zeroed request naming {@code name} (empty: the kernel picks {@code tun%d}). */
  public static MemorySegment of(Arena arena, String name, short flags) {
    byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length >= LinuxConstants.IFNAMSIZ) {
      throw new IllegalArgumentException("interface name longer than 15 bytes: " + name);
    }
    MemorySegment ifr = arena.allocate(LAYOUT);
    MemorySegment.copy(bytes, 0, ifr, JAVA_BYTE, NAME, bytes.length);
    ifr.set(JAVA_SHORT, FLAGS, flags);
    return ifr;
  }

  /** The NUL-terminated name, as the kernel left it after the call. */
  public static String name(MemorySegment ifr) {
    return ifr.asSlice(NAME, LinuxConstants.IFNAMSIZ).getString(0, StandardCharsets.US_ASCII);
  }

  public static short flags(MemorySegment ifr) {
    return ifr.get(JAVA_SHORT, FLAGS);
  }
}
