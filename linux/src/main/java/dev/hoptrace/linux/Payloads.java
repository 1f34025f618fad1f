package dev.hoptrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Probe payloads: a recognisable byte pattern (0x40, 0x41, ... like traceroute's). */
final class Payloads {
  private Payloads() {}

  static MemorySegment pattern(Arena arena, int length) {
    MemorySegment s = arena.allocate(Math.max(1, length), 8).asSlice(0, length);
    for (int i = 0; i < length; i++) {
      s.set(ValueLayout.JAVA_BYTE, i, (byte) (0x40 + (i % 0x40)));
    }
    return s;
  }
}
