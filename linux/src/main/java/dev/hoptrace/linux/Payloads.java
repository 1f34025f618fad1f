package dev.hoptrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Probe payloads: a recognisable byte pattern (0x40, 0x41, ... like traceroute's). */
final class Payloads {
  private Payloads() {}

  static MemorySegment pattern(Arena arena, int length) {
    MemorySegment s = arena.allocate(Math.max(1, length), 8).asSlice(0, length);
    MemorySegment.copy(pattern(length), 0, s, ValueLayout.JAVA_BYTE, 0, length);
    return s;
  }

  static byte[] pattern(int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (0x40 + (i % 0x40));
    }
    return b;
  }
}
