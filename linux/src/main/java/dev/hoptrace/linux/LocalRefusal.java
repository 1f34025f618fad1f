package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockExtendedErr;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A probe the local stack refused as too big ({@code EMSGSIZE}: longer than the interface, or,
 * with Don't Fragment, than the path MTU the kernel knows) is information, not a failure: it
 * becomes a Packet Too Big reply from the local address with the MTU the kernel put in the
 * {@code SO_EE_ORIGIN_LOCAL} error-queue entry (linux-probing §5.7), as traceroute prints
 * {@code !F-<mtu>} for it and tracepath {@code [LOCALHOST] pmtu}.
 */
final class LocalRefusal {
  private LocalRefusal() {}

  /** Whether a failed send is a local "too big" that {@link #reply} turns into a reply. */
  static boolean tooBig(ErrnoException e) {
    return e.errno() == EMSGSIZE && e.call().equals("sendto");
  }

  /**
   * The refusal as a reply for the probe {@code key}: the MTU from {@code fd}'s error queue (it
   * needs {@code IP_RECVERR}), else from {@code IP_MTU} when {@code fd} is connected, else 0.
   */
  static Reply reply(SessionCore core, int fd, WireKey key, InetAddress local) {
    boolean v6 = core.setup.ipv6();
    int mtu = fromErrorQueue(core, fd);
    if (mtu <= 0) {
      mtu = routeMtu(fd, v6);
    }
    return new Reply(key, Optional.of(core.spec.destination()), local, ReplyKind.PACKET_TOO_BIG,
        v6 ? IcmpV6.PACKET_TOO_BIG : IcmpV4.DESTINATION_UNREACHABLE,
        v6 ? 0 : IcmpV4.CODE_FRAGMENTATION_NEEDED, Math.max(0, mtu), -1, RealtimeClock.now(),
        Optional.empty(), IcmpExtensions.NONE);
  }

  private static int fromErrorQueue(SessionCore core, int fd) {
    try {
      for (int i = 0; i < 8; i++) {
        Received entry = core.reader.read(fd, true);
        if (entry == null) {
          return 0;
        }
        SockExtendedErr ee = entry.ancillary().error();
        if (ee != null && ee.origin() == SO_EE_ORIGIN_LOCAL && ee.errno() == EMSGSIZE) {
          return ee.info();
        }
      }
    } catch (ErrnoException e) {
      // The queue cannot be read: fall back to asking the route.
    }
    return 0;
  }

  private static int routeMtu(int fd, boolean v6) {
    try {
      return Libc.getsockoptInt(fd, v6 ? SOL_IPV6 : SOL_IP, v6 ? IPV6_MTU : IP_MTU);
    } catch (ErrnoException e) {
      return 0; // not connected: the MTU stays unknown, shown as !F-0
    }
  }
}
