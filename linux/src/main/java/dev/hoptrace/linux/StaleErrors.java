package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

/**
 * The errnos a send on a probe socket returns when an earlier ICMP error left {@code sk_err} set:
 * the call then sent nothing and consumed the pending error (linux-probing §6).
 */
final class StaleErrors {
  private StaleErrors() {}

  static boolean isStale(int errno) {
    return errno == EHOSTUNREACH
        || errno == ENETUNREACH
        || errno == ECONNREFUSED
        || errno == EMSGSIZE
        || errno == EPROTO
        || errno == EACCES;
  }
}
