package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct pollfd} (<a href="https://man7.org/linux/man-pages/man2/poll.2.html">poll(2)</a>):
 * the descriptor, the events asked for, the events the kernel returned; 8 bytes.
 */
public final class PollFd {
  private PollFd() {}

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents"));

  private static final long FD = LAYOUT.byteOffset(groupElement("fd"));
  private static final long EVENTS = LAYOUT.byteOffset(groupElement("events"));
  private static final long REVENTS = LAYOUT.byteOffset(groupElement("revents"));

  /** Fills entry {@code index} of an array and clears its returned events. */
  public static void set(MemorySegment array, int index, int fd, short events) {
    long base = index * LAYOUT.byteSize();
    array.set(JAVA_INT, base + FD, fd);
    array.set(JAVA_SHORT, base + EVENTS, events);
    array.set(JAVA_SHORT, base + REVENTS, (short) 0);
  }

  /** What the kernel reported for entry {@code index}. */
  public static short revents(MemorySegment array, int index) {
    return array.get(JAVA_SHORT, index * LAYOUT.byteSize() + REVENTS);
  }
}
