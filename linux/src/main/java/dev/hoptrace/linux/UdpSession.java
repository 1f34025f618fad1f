package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.EPOLLIN;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_DGRAM;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.MemorySegment;

/**
 * Unprivileged UDP probing: one connected {@code SOCK_DGRAM} socket per probe with the TTL set on
 * it, as Linux traceroute does. Identity = (the socket's kernel-chosen local port, the destination
 * port); replies come off that socket's error queue.
 */
final class UdpSession extends CoreSession {
  private static final int UDP_HEADER = 8;

  private final MemorySegment payload;
  private final MemorySegment local;
  private final ProbeSockets<ErrorQueueSocket> inFlight = new ProbeSockets<>();

  UdpSession(SessionCore core, SessionInfo info) {
    super(core, info);
    int length = Math.max(0, core.spec.packetLength() - core.setup.ipHeaderLength() - UDP_HEADER);
    this.payload = Payloads.pattern(core.arena, length);
    this.local = core.arena.allocate(SockAddr.STORAGE_SIZE, 8);
  }

  @Override
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    int fd;
    try {
      fd = core.setup.open(SOCK_DGRAM, 0, true);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("opening a UDP socket", e);
    }
    try {
      core.setup.allowFragmentation(fd);
      core.setup.setTtl(fd, probe.ttl());
      core.setup.bindSource(fd, probe.srcPort());
      Libc.connect(fd, core.destination, core.destinationWithPort(probe.dstPort()));
      int localPort = SockAddr.read(local, Libc.getsockname(fd, local)).getPort();
      WireKey key = new WireKey(localPort, probe.dstPort(), 0);
      long sentAt = RealtimeClock.now();
      try {
        Libc.sendto(fd, payload, payloadLength(probe), 0, MemorySegment.NULL, 0);
      } catch (ErrnoException e) {
        if (!LocalRefusal.tooBig(e)) {
          throw e;
        }
        core.deliverLater(LocalRefusal.reply(core, fd, key, info.localAddress()));
        Libc.closeQuietly(fd);
        return new SentProbe(key, sentAt);
      }
      ErrorQueueSocket socket = new ErrorQueueSocket(core, fd, key, sentAt);
      socket.takeTransmitStamp();
      socket.registered(core.register(fd, EPOLLIN, socket));
      inFlight.add(key, socket);
      return new SentProbe(key, socket.sentAt());
    } catch (ErrnoException e) {
      Libc.closeQuietly(fd);
      if (e.call().equals("connect") || e.call().equals("sendto")) {
        throw NetworkErrors.sending(core.spec.destination(), e);
      }
      throw NetworkErrors.setup("preparing a UDP probe", e);
    }
  }

  /** Path MTU discovery sends less of the payload as the MTU drops; it never grows past it. */
  private long payloadLength(OutgoingProbe probe) {
    int wanted = probe.sizeOr(core.spec.packetLength()) - core.setup.ipHeaderLength() - UDP_HEADER;
    return Math.clamp(wanted, 0, payload.byteSize());
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
