package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.IPV6_HOPLIMIT;
import static dev.hoptrace.linux.ffm.LinuxConstants.IPV6_RECVERR;
import static dev.hoptrace.linux.ffm.LinuxConstants.IP_RECVERR;
import static dev.hoptrace.linux.ffm.LinuxConstants.IP_TTL;
import static dev.hoptrace.linux.ffm.LinuxConstants.SCM_TIMESTAMPING;
import static dev.hoptrace.linux.ffm.LinuxConstants.SCM_TIMESTAMPNS;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_IP;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_IPV6;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOL_SOCKET;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.hoptrace.linux.ffm.LinuxConstants;
import java.lang.foreign.MemorySegment;

/**
 * The control messages of one received message, read in place into reused fields (the bulk
 * transports' allocation-free counterpart of {@link dev.hoptrace.linux.ffm.ControlMessages}):
 * reply TTL, kernel receive time, and for error-queue entries the {@code sock_extended_err}
 * with its offender. LP64 {@code cmsghdr}: length at 0, level at 8, type at 12, data at 16.
 */
final class BulkAncillary {
  private static final int HEADER = 16;
  /** Offsets in {@code struct sock_extended_err}, then the offender sockaddr at 16. */
  private static final int EE_ORIGIN = 4;
  private static final int EE_TYPE = 5;
  private static final int EE_CODE = 6;
  private static final int EE_INFO = 8;
  private static final int EE_SIZE = 16;

  int ttl;
  long time;
  boolean hasError;
  int origin;
  int type;
  int code;
  int info;
  /** The offender's address bytes (4 or 16), valid when {@link #offenderLength} > 0. */
  final byte[] offender = new byte[16];
  int offenderLength;

  void parse(MemorySegment controls, long at, long length) {
    ttl = -1;
    time = -1;
    hasError = false;
    offenderLength = 0;
    long end = at + Math.min(length, controls.byteSize() - at);
    long c = at;
    // Each step advances by at least HEADER bytes: bounded by length / HEADER.
    while (c + HEADER <= end) {
      long len = controls.get(JAVA_LONG, c);
      if (len < HEADER || c + len > end) {
        break;
      }
      int level = controls.get(JAVA_INT, c + 8);
      int kind = controls.get(JAVA_INT, c + 12);
      long data = c + HEADER;
      long size = len - HEADER;
      if ((level == SOL_IP && kind == IP_TTL) || (level == SOL_IPV6 && kind == IPV6_HOPLIMIT)) {
        if (size >= 4) {
          ttl = controls.get(JAVA_INT, data);
        }
      } else if (level == SOL_SOCKET && (kind == SCM_TIMESTAMPNS || kind == SCM_TIMESTAMPING)) {
        if (size >= 16) {
          long nanos = controls.get(JAVA_LONG, data) * 1_000_000_000L
              + controls.get(JAVA_LONG, data + 8);
          if (nanos != 0) {
            time = nanos;
          }
        }
      } else if ((level == SOL_IP && kind == IP_RECVERR)
          || (level == SOL_IPV6 && kind == IPV6_RECVERR)) {
        if (size >= EE_SIZE) {
          hasError = true;
          origin = controls.get(JAVA_BYTE, data + EE_ORIGIN) & 0xff;
          type = controls.get(JAVA_BYTE, data + EE_TYPE) & 0xff;
          code = controls.get(JAVA_BYTE, data + EE_CODE) & 0xff;
          info = controls.get(JAVA_INT, data + EE_INFO);
          readOffender(controls, data + EE_SIZE, size - EE_SIZE);
        }
      }
      c += (len + 7) & ~7L;
    }
  }

  /** Whether the entry is an ICMP / ICMPv6 error with an offender. */
  boolean isIcmp() {
    return hasError && offenderLength > 0
        && (origin == LinuxConstants.SO_EE_ORIGIN_ICMP || origin == LinuxConstants.SO_EE_ORIGIN_ICMP6);
  }

  private void readOffender(MemorySegment s, long at, long size) {
    if (size < 2) {
      return;
    }
    int family = s.get(JAVA_SHORT, at);
    if (family == LinuxConstants.AF_INET && size >= 8) {
      MemorySegment.copy(s, JAVA_BYTE, at + 4, offender, 0, 4);
      offenderLength = 4;
    } else if (family == LinuxConstants.AF_INET6 && size >= 24) {
      MemorySegment.copy(s, JAVA_BYTE, at + 8, offender, 0, 16);
      offenderLength = 16;
    }
  }
}
