package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code struct timespec} (LP64): seconds and nanoseconds, 16 bytes. */
public final class Timespec {
  private Timespec() {}

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));

  private static final long SEC = LAYOUT.byteOffset(groupElement("tv_sec"));
  private static final long NSEC = LAYOUT.byteOffset(groupElement("tv_nsec"));

  /** The time at {@code offset} in {@code segment}, in nanoseconds. */
  public static long nanos(MemorySegment segment, long offset) {
    return segment.get(JAVA_LONG, offset + SEC) * 1_000_000_000L
        + segment.get(JAVA_LONG, offset + NSEC);
  }

  /** Writes {@code nanos} (not negative) at the start of {@code segment}. */
  public static void set(MemorySegment segment, long nanos) {
    segment.set(JAVA_LONG, SEC, nanos / 1_000_000_000L);
    segment.set(JAVA_LONG, NSEC, nanos % 1_000_000_000L);
  }

  /** The time at the start of {@code segment}, in nanoseconds. */
  public static long nanos(MemorySegment segment) {
    return nanos(segment, 0);
  }
}
