package dev.hoptrace.linux;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import java.net.InetAddress;

/** The header-line descriptions of each session kind. */
final class SessionInfos {
  private SessionInfos() {}

  static final String NO_QUOTED_HEADER = "cannot see the quoted IP header (TTL, TOS, IP ID)";

  private static String ip(SessionSpec spec) {
    return spec.ipv6() ? "IPV6_RECVERR" : "IP_RECVERR";
  }

  /** {@code info} with {@code note} appended to its description (e.g. why raw was refused). */
  static SessionInfo noted(SessionInfo info, String note) {
    if (note.isEmpty()) {
      return info;
    }
    return new SessionInfo(info.mode(), info.description() + note, info.limitation(),
        info.localAddress(), info.seesQuotedIpHeader());
  }

  /** {@code info} on a kernel before 5.9, whose error queue does not locate ICMP extensions. */
  static SessionInfo withoutExtensions(SessionInfo info) {
    return new SessionInfo(info.mode(), info.description(), info.limitation()
        + "; no ICMP extensions (MPLS labels) before Linux 5.9 (IP_RECVERR_RFC4884)",
        info.localAddress(), info.seesQuotedIpHeader());
  }

  static SessionInfo udp(SessionSpec spec, InetAddress local) {
    return new SessionInfo(
        ProbeMode.UNPRIVILEGED,
        spec.paris()
            ? "UDP, one socket for the whole trace (the checksum carries each probe's identity),"
                + " replies from the " + ip(spec) + " error queue"
            : "UDP, one connected socket per probe, replies from the " + ip(spec) + " error queue",
        NO_QUOTED_HEADER,
        local,
        false);
  }

  static SessionInfo ping(SessionSpec spec, InetAddress local) {
    return new SessionInfo(
        ProbeMode.UNPRIVILEGED,
        (spec.ipv6() ? "ICMPv6" : "ICMP") + " echo through a ping socket, errors from the "
            + ip(spec) + " error queue",
        NO_QUOTED_HEADER,
        local,
        false);
  }

  static SessionInfo tcp(SessionSpec spec, InetAddress local) {
    return new SessionInfo(
        ProbeMode.UNPRIVILEGED,
        "TCP non-blocking connect(), one socket per probe, hops from the " + ip(spec)
            + " error queue",
        NO_QUOTED_HEADER + "; open-port RTT from the kernel's TCP_INFO, closed-port RTT from"
            + " the wake-up time",
        local,
        false);
  }
}
