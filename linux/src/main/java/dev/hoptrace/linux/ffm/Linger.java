package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct linger} for {@code SO_LINGER} (<a
 * href="https://man7.org/linux/man-pages/man7/socket.7.html">socket(7)</a>): {@code {1, 0}} makes
 * close(2) send a RST instead of a FIN, so a TCP probe leaves no TIME_WAIT behind.
 */
public final class Linger {
  private Linger() {}

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(JAVA_INT.withName("l_onoff"), JAVA_INT.withName("l_linger"));

  /** A {@code {1, 0}} linger value. */
  public static MemorySegment abortiveClose(Arena arena) {
    MemorySegment s = arena.allocate(LAYOUT);
    s.set(JAVA_INT, 0, 1);
    s.set(JAVA_INT, 4, 0);
    return s;
  }
}
