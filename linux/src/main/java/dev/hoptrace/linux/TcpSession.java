package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.EPOLLOUT;
import static dev.hoptrace.linux.ffm.LinuxConstants.IPPROTO_TCP;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_STREAM;
import static dev.hoptrace.linux.ffm.LinuxConstants.TCP_SYNCNT;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.Linger;
import dev.hoptrace.linux.ffm.SockAddr;
import dev.hoptrace.linux.ffm.TcpInfo;
import java.lang.foreign.MemorySegment;

/**
 * Unprivileged TCP probing: one non-blocking {@code connect()} per probe. Identity = (the socket's
 * kernel-chosen local port, the destination port, the probe's sequence).
 */
final class TcpSession extends CoreSession {
  private final MemorySegment local;
  private final MemorySegment tcpInfo;
  private final MemorySegment linger;
  private final ProbeSockets<TcpConnectProbe> inFlight = new ProbeSockets<>();

  TcpSession(SessionCore core, SessionInfo info) {
    super(core, info);
    this.local = core.arena.allocate(SockAddr.STORAGE_SIZE, 8);
    this.tcpInfo = core.arena.allocate(TcpInfo.LAYOUT);
    this.linger = Linger.abortiveClose(core.arena);
  }

  @Override
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    int fd;
    try {
      fd = core.setup.open(SOCK_STREAM, 0, false);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("opening a TCP socket", e);
    }
    try {
      core.setup.setTtl(fd, probe.ttl());
      // One retransmission at most: a silent hop must not be probed again and again.
      Libc.setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, 1);
      core.setup.bindSource(fd, probe.srcPort());
      int length = core.destinationWithPort(probe.dstPort());
      long sentAt = RealtimeClock.now();
      Libc.connect(fd, core.destination, length);
      int localPort = SockAddr.read(local, Libc.getsockname(fd, local)).getPort();
      // The probe's sequence makes the key its own: an ICMP error or RST ends a connect() and
      // frees its port while the engine still holds that probe, and the next connect() may get the
      // same port. Replies come on the probe's own socket, so no wire field has to match it.
      WireKey key = new WireKey(localPort, probe.dstPort(), probe.sequence());
      TcpConnectProbe connect = new TcpConnectProbe(core, fd, key, sentAt, tcpInfo, linger);
      connect.registered(core.register(fd, EPOLLOUT, connect));
      inFlight.add(key, connect);
      return new SentProbe(key, sentAt);
    } catch (ErrnoException e) {
      Libc.closeQuietly(fd);
      if (e.call().equals("connect")) {
        throw NetworkErrors.sending(core.spec.destination(), e);
      }
      throw NetworkErrors.setup("preparing a TCP probe", e);
    }
  }

  @Override
  public void release(SentProbe probe) {
    inFlight.release(probe.key());
  }

  @Override
  public void close() {
    inFlight.closeAll();
    core.close();
  }
}
