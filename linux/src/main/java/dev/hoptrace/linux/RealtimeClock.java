package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;

/**
 * The session clock: CLOCK_REALTIME in nanoseconds, because the kernel's software timestamps
 * ({@code SO_TIMESTAMPNS}, {@code SO_TIMESTAMPING}) are taken on that clock and a send time read
 * here can be subtracted from them.
 */
final class RealtimeClock {
  private RealtimeClock() {}

  static long now() {
    return Libc.clock_gettime(LinuxConstants.CLOCK_REALTIME);
  }
}
