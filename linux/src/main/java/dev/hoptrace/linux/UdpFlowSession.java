package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.EPOLLIN;
import static dev.hoptrace.linux.ffm.LinuxConstants.SOCK_DGRAM;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import dev.hoptrace.packet.ParisChecksum;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.Wire;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;

/**
 * Unprivileged Paris UDP: one socket for the whole trace, so every probe leaves from one source
 * port to one destination port (one flow), unlike {@link UdpSession}'s socket per probe. The
 * socket cannot tell probes apart, so they carry their identity themselves: two payload bytes make
 * the checksum the kernel computes equal the probe's sequence, as raw Paris probes carry it. The
 * error queue strips the quoted UDP header but returns the quoted payload, from which {@link
 * ParisChecksum#udpIdentity} recovers the checksum; a router that quotes fewer than two payload
 * bytes leaves its hop unmatched. One socket for many probes brings back the {@code sk_err} trap,
 * which {@link SharedProbeSocket} handles.
 */
final class UdpFlowSession extends CoreSession implements SessionCore.ReadySocket {
  private static final int PER_WAKE = 64;

  private final int fd;
  private final int port;
  private final InetAddress local;
  private final byte[] payload;
  private final MemorySegment sendBuffer;
  private final SharedProbeSocket socket;
  private int ttl = -1;
  /** Probes whose replies the socket's receive buffer holds at once ({@link ReceiveBudget}). */
  private int windowLimit = Integer.MAX_VALUE;

  private UdpFlowSession(SessionCore core, SessionInfo info, int fd, int port) {
    super(core, info);
    this.fd = fd;
    this.port = port;
    this.local = info.localAddress();
    int length = core.spec.packetLength() - core.setup.ipHeaderLength() - Udp.LENGTH;
    this.payload = Payloads.pattern(Math.max(ParisChecksum.SLOT, length));
    this.sendBuffer = core.arena.allocate(payload.length, 8);
    this.socket = new SharedProbeSocket(core, fd, this::quotedKey);
  }

  static UdpFlowSession open(SessionCore core, SessionInfo info) throws NetworkException {
    int fd;
    try {
      fd = core.setup.open(SOCK_DGRAM, 0, false);
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("opening a UDP socket", e);
    }
    try {
      core.setup.allowFragmentation(fd);
      int granted = core.setup.roomyReceiveBuffer(fd);
      int port = core.setup.bindAnyPort(fd, core.arena.allocate(SockAddr.STORAGE_SIZE, 8));
      UdpFlowSession session = new UdpFlowSession(core, info, fd, port);
      session.windowLimit = ReceiveBudget.window(granted, core.spec.packetLength(), false);
      core.register(fd, EPOLLIN, session);
      return session;
    } catch (ErrnoException e) {
      Libc.closeQuietly(fd);
      throw NetworkErrors.setup("preparing the UDP socket", e);
    }
  }

  @Override
  public int windowLimit() {
    return windowLimit;
  }

  @Override
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    byte[] datagram = ParisChecksum.udp(local, core.spec.destination(), port, probe.dstPort(),
        payload, probe.sequence());
    MemorySegment.copy(datagram, Udp.LENGTH, sendBuffer, ValueLayout.JAVA_BYTE, 0, payload.length);
    WireKey key = new WireKey(port, probe.dstPort(), Wire.u16(datagram, 6));
    try {
      if (probe.ttl() != ttl) {
        core.setup.setTtl(fd, probe.ttl());
        ttl = probe.ttl();
      }
      int length = core.destinationWithPort(probe.dstPort());
      return new SentProbe(key, socket.send(sendBuffer, payload.length, length));
    } catch (ErrnoException e) {
      if (e.call().equals("sendto")) {
        throw NetworkErrors.sending(core.spec.destination(), e);
      }
      throw NetworkErrors.setup("sending a UDP probe", e);
    }
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    socket.drain(sink);
    for (int i = 0; i < PER_WAKE; i++) {
      Received datagram = core.reader.read(fd, false);
      if (datagram == null) {
        break;
      }
      sink.foreign("UDP datagram of " + datagram.payload().length + " bytes to the probe port"
          + " (answers to probes are ICMP errors; ignored)");
    }
  }

  /**
   * {@code msg_name} is the probe's destination and port; the payload is what followed its UDP
   * header, whose two first bytes give the checksum back.
   */
  private WireKey quotedKey(Received entry) {
    if (entry.name() == null) {
      return null;
    }
    int dstPort = entry.name().getPort();
    byte[] quoted = entry.payload();
    int identity = ParisChecksum.udpIdentity(local, core.spec.destination(), port, dstPort,
        payload, quoted, 0, quoted.length);
    return identity < 0 ? null : new WireKey(port, dstPort, identity);
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
    core.close();
  }
}
