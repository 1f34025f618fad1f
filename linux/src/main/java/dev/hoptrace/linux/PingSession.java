package dev.hoptrace.linux;

import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.IcmpV6;
import dev.hoptrace.packet.ParisChecksum;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.NetworkException.Reason;
import dev.hoptrace.core.net.OutgoingProbe;
import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.SentProbe;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.SockAddr;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Unprivileged ICMP echo through one ping socket ({@code SOCK_DGRAM, IPPROTO_ICMP[V6]}) per
 * session. The kernel owns the echo identifier (it rewrites it to the socket's "port") and
 * demultiplexes replies to this socket by it, so identity is the echo sequence alone. Echo replies
 * arrive on the normal queue, ICMP errors only on the error queue ({@link SharedProbeSocket}).
 *
 * <p>Paris: the kernel computes the checksum, but over our payload; with the identifier known
 * (bound before the first send) and, for ICMPv6, the source address, two payload bytes make it
 * come out as the flow's checksum whatever the sequence.
 */
final class PingSession extends CoreSession implements SessionCore.ReadySocket {
  private static final int ICMP_HEADER = 8;
  private static final ValueLayout.OfShort SEQUENCE =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private final int fd;
  private final MemorySegment packet;
  private final int echoRequest;
  private final int echoReply;
  /** The echo identifier the kernel gives this socket, once bound (Paris); else -1. */
  private final int identifier;
  private final byte[] payload;
  private final SharedProbeSocket socket;
  private int ttl = -1;
  /** Probes whose replies the socket's receive buffer holds at once ({@link ReceiveBudget}). */
  private int windowLimit = Integer.MAX_VALUE;

  private PingSession(SessionCore core, SessionInfo info, int fd, int identifier) {
    super(core, info);
    this.fd = fd;
    this.identifier = identifier;
    this.socket = new SharedProbeSocket(core, fd, this::quotedKey);
    boolean v6 = core.setup.ipv6();
    this.echoRequest = v6 ? IcmpV6.ECHO_REQUEST : IcmpV4.ECHO_REQUEST;
    this.echoReply = v6 ? IcmpV6.ECHO_REPLY : IcmpV4.ECHO_REPLY;
    int length = core.spec.packetLength() - core.setup.ipHeaderLength() - ICMP_HEADER;
    this.payload = Payloads.pattern(Math.max(core.spec.paris() ? ParisChecksum.SLOT : 0, length));
    this.packet = core.arena.allocate(ICMP_HEADER + payload.length, 8);
    MemorySegment.copy(payload, 0, packet, ValueLayout.JAVA_BYTE, ICMP_HEADER, payload.length);
    // type, code 0, checksum 0 and identifier 0: the kernel fills in both of the latter.
    packet.set(ValueLayout.JAVA_BYTE, 0, (byte) echoRequest);
  }

  static PingSession open(SessionCore core, SessionInfo info) throws NetworkException {
    int protocol = core.setup.ipv6() ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
    int fd;
    try {
      fd = core.setup.open(SOCK_DGRAM, protocol, false);
    } catch (ErrnoException e) {
      if (e.errno() == EACCES) {
        throw new NetworkException(Reason.PERMISSION, PingGroupRange.refusal(), e);
      }
      throw NetworkErrors.setup("opening an ICMP ping socket", e);
    }
    try {
      core.setup.allowFragmentation(fd);
      int granted = core.setup.roomyReceiveBuffer(fd);
      int identifier = -1;
      if (core.spec.paris()) {
        identifier = core.setup.bindAnyPort(fd, core.arena.allocate(SockAddr.STORAGE_SIZE, 8));
      } else {
        core.setup.bindSource(fd, 0);
      }
      PingSession session = new PingSession(core, info, fd, identifier);
      session.windowLimit = ReceiveBudget.window(granted, core.spec.packetLength(), true);
      core.register(fd, EPOLLIN, session);
      return session;
    } catch (ErrnoException e) {
      Libc.closeQuietly(fd);
      throw NetworkErrors.setup("preparing the ICMP ping socket", e);
    }
  }

  @Override
  public int windowLimit() {
    return windowLimit;
  }

  @Override
  public SentProbe send(OutgoingProbe probe) throws NetworkException {
    try {
      if (probe.ttl() != ttl) {
        core.setup.setTtl(fd, probe.ttl());
        ttl = probe.ttl();
      }
      long length = echoLength(probe);
      if (probe.holdsIcmpChecksum()) {
        byte[] echo = heldEcho(probe, (int) length - ICMP_HEADER);
        MemorySegment.copy(echo, 0, packet, ValueLayout.JAVA_BYTE, 0, echo.length);
      } else {
        packet.set(SEQUENCE, 6, (short) probe.sequence());
      }
      long sentAt = socket.send(packet, length, core.destinationLength);
      return new SentProbe(new WireKey(0, 0, probe.sequence()), sentAt);
    } catch (ErrnoException e) {
      if (LocalRefusal.tooBig(e)) {
        WireKey key = new WireKey(0, 0, probe.sequence());
        core.deliverLater(LocalRefusal.reply(core, fd, key, info.localAddress()));
        return new SentProbe(key, RealtimeClock.now());
      }
      if (e.call().equals("sendto")) {
        throw NetworkErrors.sending(core.spec.destination(), e);
      }
      throw NetworkErrors.setup("sending an ICMP echo request", e);
    }
  }

  /**
   * The echo as the kernel will send it, its payload chosen so that the checksum the kernel
   * computes is the probe's: the same identifier and, for ICMPv6, the same pseudo-header.
   */
  /** Path MTU discovery sends less of the payload as the MTU drops; it never grows past it. */
  private long echoLength(OutgoingProbe probe) {
    int wanted = probe.sizeOr(core.spec.packetLength()) - core.setup.ipHeaderLength();
    return Math.clamp(wanted, ICMP_HEADER + (core.spec.paris() ? ParisChecksum.SLOT : 0),
        packet.byteSize());
  }

  private byte[] heldEcho(OutgoingProbe probe, int payloadLength) {
    if (identifier < 0) {
      throw new IllegalStateException("a held echo checksum needs a session opened for Paris");
    }
    byte[] echo = core.setup.ipv6()
        ? IcmpV6.echoRequest((Inet6Address) info.localAddress(),
            (Inet6Address) core.spec.destination(), identifier, probe.sequence(),
            java.util.Arrays.copyOf(payload, payloadLength))
        : IcmpV4.echoRequest(identifier, probe.sequence(),
            java.util.Arrays.copyOf(payload, payloadLength));
    ParisChecksum.holdEcho(echo, probe.icmpChecksum());
    return echo;
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    socket.drain(sink);
    for (int i = 0; i < 64; i++) {
      Received datagram = core.reader.read(fd, false);
      if (datagram == null) {
        break;
      }
      echoReply(datagram, sink);
    }
  }

  /** The quoted echo request's sequence: type, code, checksum, identifier, sequence. */
  private WireKey quotedKey(Received entry) {
    byte[] quote = entry.payload();
    return quote.length < ICMP_HEADER || (quote[0] & 0xff) != echoRequest ? null : keyOf(quote);
  }

  private void echoReply(Received datagram, ReplySink sink) {
    byte[] icmp = datagram.payload();
    if (icmp.length < ICMP_HEADER || (icmp[0] & 0xff) != echoReply || datagram.name() == null) {
      sink.malformed("ping socket delivered " + icmp.length + " bytes that are not an echo reply");
      return;
    }
    long at = datagram.ancillary().kernelTime() > 0
        ? datagram.ancillary().kernelTime() : RealtimeClock.now();
    sink.accept(new Reply(
        keyOf(icmp),
        Optional.empty(),
        datagram.name().getAddress(),
        ReplyKind.ECHO_REPLY,
        icmp[0] & 0xff,
        icmp[1] & 0xff,
        0,
        datagram.ancillary().ttl(),
        at,
        Optional.empty(),
        IcmpExtensions.NONE));
  }

  private static WireKey keyOf(byte[] echo) {
    return new WireKey(0, 0, ((echo[6] & 0xff) << 8) | (echo[7] & 0xff));
  }

  @Override
  public void close() {
    Libc.closeQuietly(fd);
    core.close();
  }
}
