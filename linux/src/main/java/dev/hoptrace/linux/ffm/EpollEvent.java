package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct epoll_event} (<a
 * href="https://man7.org/linux/man-pages/man2/epoll_ctl.2.html">epoll_ctl(2)</a>): the one layout
 * that differs by architecture. glibc declares it packed on x86_64 (12 bytes, data unaligned at
 * offset 4) and naturally aligned elsewhere (16 bytes, data at 8).
 */
public final class EpollEvent {
  private EpollEvent() {}

  public static final StructLayout LAYOUT =
      isX86_64()
          ? MemoryLayout.structLayout(
              JAVA_INT.withName("events"), JAVA_LONG_UNALIGNED.withName("data"))
          : MemoryLayout.structLayout(
              JAVA_INT.withName("events"),
              MemoryLayout.paddingLayout(4),
              JAVA_LONG.withName("data"));

  /** The size glibc uses on this architecture. */
  public static final long EXPECTED_SIZE = isX86_64() ? 12 : 16;

  private static final long EVENTS = LAYOUT.byteOffset(groupElement("events"));
  private static final long DATA = LAYOUT.byteOffset(groupElement("data"));

  private static boolean isX86_64() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64");
  }

  public static void set(MemorySegment array, int index, int events, long data) {
    long base = index * LAYOUT.byteSize();
    array.set(JAVA_INT, base + EVENTS, events);
    array.set(JAVA_LONG_UNALIGNED, base + DATA, data);
  }

  public static int events(MemorySegment array, int index) {
    return array.get(JAVA_INT, index * LAYOUT.byteSize() + EVENTS);
  }

  public static long data(MemorySegment array, int index) {
    return array.get(JAVA_LONG_UNALIGNED, index * LAYOUT.byteSize() + DATA);
  }
}
