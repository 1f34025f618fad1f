package dev.hoptrace.linux.ffm;

import static dev.hoptrace.linux.ffm.LinuxConstants.IPV6_HOPLIMIT;
import static dev.hoptrace.linux.ffm.LinuxConstants.IPV6_RECVERR;
import static dev.hoptrace.linux.ffm.LinuxConstants.IP_RECVERR;
import static dev.hoptrace.linux.ffm.LinuxConstants.IP_TTL;
import static dev.hoptrace.linux.ffm.LinuxConstants.SCM_TIMESTAMPING;
import static dev.hoptrace.linux.ffm.LinuxConstants.SCM_TIMESTAMPNS;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_IP;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_IPV6;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_SOCKET;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * Walks the {@code cmsghdr} chain of a received message (<a
 * href="https://man7.org/linux/man-pages/man3/cmsg.3.html">cmsg(3)</a>, LP64 arithmetic: header
 * 16 bytes, data at +16, next at +CMSG_ALIGN(len)) and keeps what hoptrace uses.
 */
public final class ControlMessages {
  private ControlMessages() {}

  public static final StructLayout CMSGHDR_LAYOUT =
      MemoryLayout.structLayout(
          JAVA_LONG.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));

  private static final long LEN = CMSGHDR_LAYOUT.byteOffset(groupElement("cmsg_len"));
  private static final long LEVEL = CMSGHDR_LAYOUT.byteOffset(groupElement("cmsg_level"));
  private static final long TYPE = CMSGHDR_LAYOUT.byteOffset(groupElement("cmsg_type"));
  private static final long HEADER = CMSGHDR_LAYOUT.byteSize();

  /** {@code struct scm_timestamping}: three timespecs, ts[0] is the software stamp. */
  public static final long SCM_TIMESTAMPING_SIZE = 3 * Timespec.LAYOUT.byteSize();

  /**
   * What the control messages said.
   *
   * @param ttl the TTL / hop limit the packet arrived with, or -1
   * @param kernelTime the kernel software timestamp (RX, or TX for a TX-stamp entry) in ns of
   *     CLOCK_REALTIME, or -1
   * @param error the extended error of an error-queue entry, or null
   */
  public record Ancillary(int ttl, long kernelTime, SockExtendedErr error) {}

  /** Parses the first {@code length} bytes of {@code control}, never reading past them. */
  public static Ancillary parse(MemorySegment control, long length) {
    int ttl = -1;
    long time = -1;
    SockExtendedErr error = null;
    long end = Math.min(length, control.byteSize());
    long at = 0;
    // Each step advances by at least HEADER bytes, so the loop is bounded by end / HEADER.
    while (at + HEADER <= end) {
      long len = control.get(JAVA_LONG, at + LEN);
      if (len < HEADER || at + len > end) {
        break;
      }
      int level = control.get(JAVA_INT, at + LEVEL);
      int type = control.get(JAVA_INT, at + TYPE);
      MemorySegment data = control.asSlice(at + HEADER, len - HEADER);
      if ((level == SOL_IP && type == IP_TTL) || (level == SOL_IPV6 && type == IPV6_HOPLIMIT)) {
        if (data.byteSize() >= 4) {
          ttl = data.get(JAVA_INT, 0);
        }
      } else if (level == SOL_SOCKET && type == SCM_TIMESTAMPNS) {
        if (data.byteSize() >= Timespec.LAYOUT.byteSize()) {
          time = Timespec.nanos(data);
        }
      } else if (level == SOL_SOCKET && type == SCM_TIMESTAMPING) {
        if (data.byteSize() >= SCM_TIMESTAMPING_SIZE && Timespec.nanos(data) != 0) {
          time = Timespec.nanos(data);
        }
      } else if ((level == SOL_IP && type == IP_RECVERR)
          || (level == SOL_IPV6 && type == IPV6_RECVERR)) {
        if (data.byteSize() >= SockExtendedErr.LAYOUT.byteSize()) {
          error = SockExtendedErr.read(data);
        }
      }
      at += align(len);
    }
    return new Ancillary(ttl, time, error);
  }

  /** {@code CMSG_ALIGN}: round up to the size of {@code size_t}. */
  public static long align(long length) {
    return (length + 7) & ~7L;
  }
}
