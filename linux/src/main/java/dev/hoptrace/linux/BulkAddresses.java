package dev.hoptrace.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.hoptrace.linux.ffm.LinuxConstants;
import java.lang.foreign.MemorySegment;

/**
 * Writes and reads {@code sockaddr_in} / {@code sockaddr_in6} in place, from and to address
 * bytes, so that a batch of destinations costs no {@code InetAddress} (ip(7), ipv6(7)).
 */
final class BulkAddresses {
  private BulkAddresses() {}

  /** Writes a sockaddr for {@code address[0..4|16)} and {@code port}; returns its length. */
  static int write(MemorySegment s, long at, byte[] address, int length, int port) {
    boolean v6 = length == 16;
    s.set(JAVA_LONG, at, 0);
    s.set(JAVA_LONG, at + 8, 0);
    if (v6) {
      s.set(JAVA_LONG, at + 16, 0);
      s.set(JAVA_INT, at + 24, 0);
    }
    s.set(JAVA_SHORT, at, (short) (v6 ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET));
    s.set(JAVA_BYTE, at + 2, (byte) (port >>> 8));
    s.set(JAVA_BYTE, at + 3, (byte) port);
    MemorySegment.copy(address, 0, s, JAVA_BYTE, at + (v6 ? 8 : 4), length);
    return v6 ? 28 : 16;
  }

  /** Copies the address of the sockaddr at {@code at} into {@code to}; false if not that family. */
  static boolean read(MemorySegment s, long at, int nameLength, byte[] to, int length) {
    int family = s.get(JAVA_SHORT, at);
    if (length == 4 && family == LinuxConstants.AF_INET && nameLength >= 8) {
      MemorySegment.copy(s, JAVA_BYTE, at + 4, to, 0, 4);
      return true;
    }
    if (length == 16 && family == LinuxConstants.AF_INET6 && nameLength >= 24) {
      MemorySegment.copy(s, JAVA_BYTE, at + 8, to, 0, 16);
      return true;
    }
    return false;
  }

  /** The port of the sockaddr at {@code at} (the same place in both families). */
  static int port(MemorySegment s, long at) {
    return (s.get(JAVA_BYTE, at + 2) & 0xff) << 8 | (s.get(JAVA_BYTE, at + 3) & 0xff);
  }
}
