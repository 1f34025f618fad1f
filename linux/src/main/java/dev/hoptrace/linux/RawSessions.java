package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.NetworkException.Reason;
import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.ProbeSession;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.SessionSpec;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Opens a {@link RawSession}, or reports that raw sockets are not allowed. */
final class RawSessions {
  private RawSessions() {}

  /**
   * @param required true for {@code RAW} (refusal is an error), false for {@code AUTO} (refusal
   *     means "fall back to unprivileged", signalled by null)
   */
  static ProbeSession tryOpen(SessionSpec spec, ExtensionDecoding extensions, boolean required)
      throws NetworkException {
    SessionCore core;
    try {
      core = new SessionCore(spec, extensions);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("creating the session", e);
    }
    List<Integer> fds = new ArrayList<>();
    List<PortReservation> reservations = new ArrayList<>();
    try {
      int icmpFd;
      try {
        icmpFd = core.setup.openRaw(spec.ipv6() ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
      } catch (ErrnoException e) {
        if (e.errno() == EPERM || e.errno() == EACCES) {
          core.close();
          if (!required) {
            return null;
          }
          throw new NetworkException(Reason.PERMISSION,
              "raw sockets need root or CAP_NET_RAW (" + e.getMessage() + "); run with sudo,"
                  + " grant it with setcap cap_net_raw+ep, or use the unprivileged mode", e);
        }
        throw e;
      }
      fds.add(icmpFd);
      InetAddress local = RouteProbe.localAddress(core);
      PortReservation identity = spec.protocol() == Protocol.ICMP
          ? PortReservation.reserveEchoIdentifier(core.arena, local)
          : PortReservation.reserve(core.arena, local, spec.protocol() == Protocol.TCP);
      reservations.add(identity);
      int ident = identity.port();

      core.setup.enableRawReceive(icmpFd);
      if (spec.ipv6()) {
        MemorySegment filter = core.arena.allocate(32, 4);
        int[] blocked = RawFilters.icmp6TypeFilter();
        for (int i = 0; i < 8; i++) {
          filter.setAtIndex(ValueLayout.JAVA_INT, i, blocked[i]);
        }
        Libc.setsockopt(icmpFd, SOL_ICMPV6, ICMP6_FILTER, filter, 32);
      }
      core.setup.attachFilter(icmpFd, spec.ipv6()
          ? RawFilters.icmpV6(spec.protocol(), ident) : RawFilters.icmpV4(spec.protocol(), ident));
      drain(core, icmpFd);
      core.register(icmpFd, EPOLLIN,
          new RawIcmpReceiver(core, icmpFd, spec.protocol(), ident, local));

      if (spec.protocol() == Protocol.TCP) {
        int tcpFd = core.setup.openRaw(IPPROTO_TCP);
        fds.add(tcpFd);
        core.setup.enableRawReceive(tcpFd);
        core.setup.attachFilter(tcpFd, RawFilters.tcp(spec.ipv6(), ident));
        drain(core, tcpFd);
        core.register(tcpFd, EPOLLIN, new RawTcpReceiver(core, tcpFd, ident));
      }

      int sendFd = core.setup.openRaw(IPPROTO_RAW);
      fds.add(sendFd);
      // An IPPROTO_RAW socket receives nothing on IPv4, but an IPv6 one might: keep it empty.
      core.setup.attachFilter(sendFd, RawFilters.nothing());
      // Probes go out as built, whatever path MTU the kernel cached; one longer than the
      // interface is refused with its MTU on this socket's error queue (LocalRefusal).
      core.setup.probeMtu(sendFd);
      core.setup.recvErr(sendFd);

      RawProbeBuilder builder = new RawProbeBuilder(spec.protocol(), local, spec.destination(),
          ident, spec.tos(), spec.packetLength(), spec.paris(), spec.discoverMtu());
      SessionInfo info = new SessionInfo(ProbeMode.RAW,
          "raw sockets: hoptrace builds the probes (IP header included), replies read from a raw "
              + (spec.ipv6() ? "ICMPv6" : "ICMP") + " socket filtered in the kernel on identity "
              + ident,
          "", local, true);
      return new RawSession(core, info, reservations,
          fds.stream().mapToInt(Integer::intValue).toArray(), sendFd, builder);
    } catch (ErrnoException | NetworkException | RuntimeException e) {
      fds.forEach(Libc::closeQuietly);
      reservations.forEach(PortReservation::close);
      core.close();
      if (e instanceof ErrnoException errno) {
        throw NetworkErrors.setup("opening raw sockets", errno);
      }
      if (e instanceof NetworkException n) {
        throw n;
      }
      throw (RuntimeException) e;
    }
  }

  /** Discards what arrived between socket() and the filter taking effect. */
  private static void drain(SessionCore core, int fd) throws ErrnoException {
    for (int i = 0; i < 10_000 && core.reader.read(fd, false) != null; i++) {
      // Unfiltered traffic of anyone on the host: not ours to look at.
    }
  }
}
