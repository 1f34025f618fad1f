package dev.hoptrace.linux;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.packet.Ipv4Header;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Raw probing (root or CAP_NET_RAW): hoptrace writes every header of its probes and reads whole
 * ICMP replies, quoted IP header included. One {@code IPPROTO_RAW} socket sends (IPv4 and IPv6
 * alike carry our own IP header); a raw ICMP / ICMPv6 socket, and for TCP a raw TCP socket,
 * receive through BPF filters on the trace's identity, the port held by a {@link
 * PortReservation}.
 */
final class RawSession extends CoreSession {
  private final List<PortReservation> reservations;
  private final int[] fds;
  private final int sendFd;
  private final RawProbeBuilder builder;
  private final MemorySegment sendBuffer;

  RawSession(SessionCore core, SessionInfo info, List<PortReservation> reservations, int[] fds,
      int sendFd, RawProbeBuilder builder) {
    super(core, info);
    this.reservations = reservations;
    this.fds = fds;
    this.sendFd = sendFd;
    this.builder = builder;
    this.sendBuffer = core.arena.allocate(65_536, 8);
  }

  @Override
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    RawProbeBuilder.Built built = builder.build(probe);
    byte[] packet = built.packet();
    if (core.spec.discoverMtu() && !core.spec.ipv6()) {
      Ipv4Header.setDontFragment(packet); // routers must refuse, not fragment, what is too big
    }
    MemorySegment.copy(packet, 0, sendBuffer, ValueLayout.JAVA_BYTE, 0, packet.length);
    long sentAt = RealtimeClock.now();
    try {
      Libc.sendto(sendFd, sendBuffer, packet.length, 0, core.destination, core.destinationLength);
    } catch (ErrnoException e) {
      if (!LocalRefusal.tooBig(e)) {
        throw NetworkErrors.sending(core.spec.destination(), e);
      }
      core.deliverLater(LocalRefusal.reply(core, sendFd, built.key(), info.localAddress()));
    }
    return new SentProbe(built.key(), sentAt);
  }

  @Override
  public void close() {
    for (int fd : fds) {
      Libc.closeQuietly(fd);
    }
    reservations.forEach(PortReservation::close);
    core.close();
  }
}
