package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.bulk.BulkSpec;
import dev.hoptrace.core.bulk.BulkTransport;
import dev.hoptrace.core.bulk.ProbeBatch;
import dev.hoptrace.core.bulk.RateLimiter;
import dev.hoptrace.core.bulk.RawProbeWriter;
import dev.hoptrace.core.bulk.RawReplyReader;
import dev.hoptrace.core.bulk.ReplyBatch;
import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.core.net.SessionInfo;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.MessageVector;

/**
 * Bulk probing with raw sockets (root or CAP_NET_RAW): probes with their IP header leave through
 * one {@code IPPROTO_RAW} socket, a batch per {@code sendmmsg}; whole ICMP replies arrive on a raw
 * ICMP / ICMPv6 socket filtered in the kernel on the run's identity (the reserved port: UDP source
 * port, echo identifier), a batch per {@code recvmmsg}, with kernel receive timestamps. A TCP
 * run adds a raw TCP socket, filtered on the same port, for the destinations' SYN-ACKs and RSTs
 * (the kernel, knowing no such connection, answers each SYN-ACK with a RST of its own: harmless,
 * the destination forgets the half-open connection sooner).
 */
final class RawBulkTransport implements BulkTransport {
  private static final int RECEIVE_BATCH = 64;
  private static final int RECEIVE_CAPACITY = 2048;
  private static final int CONTROL = 128;

  private final SessionCore core;
  private final SessionInfo info;
  private final BulkSpec spec;
  private final PortReservation identity;
  private final int sendFd;
  private final int receiveFd;
  /** The raw TCP socket of a TCP run, else -1. */
  private final int tcpFd;
  private final RawProbeWriter writer;
  private final RawReplyReader reader;
  private final MessageVector out;
  private final MessageVector in;
  private final BulkAncillary ancillary = new BulkAncillary();
  private final byte[] packet;
  private final byte[] address = new byte[16];
  private final byte[] received = new byte[RECEIVE_CAPACITY];
  private final boolean v6;
  private final int addressLength;
  private final BatchCalls.Sent tally = new BatchCalls.Sent();

  private RawBulkTransport(SessionCore core, SessionInfo info, BulkSpec spec,
      PortReservation identity, int sendFd, int receiveFd, int tcpFd) {
    this.core = core;
    this.info = info;
    this.spec = spec;
    this.identity = identity;
    this.sendFd = sendFd;
    this.receiveFd = receiveFd;
    this.tcpFd = tcpFd;
    this.v6 = spec.targets().ipv6();
    this.addressLength = spec.targets().addressLength();
    this.writer = new RawProbeWriter(spec, info.localAddress().getAddress(), identity.port());
    this.reader = new RawReplyReader(spec, identity.port());
    this.packet = new byte[writer.length()];
    this.out = new MessageVector(core.arena, RateLimiter.MAX_BURST, writer.length(), 0);
    this.in = new MessageVector(core.arena, RECEIVE_BATCH, RECEIVE_CAPACITY, CONTROL);
  }

  /**
   * @param required true for {@code RAW}: refusal is an error; false for {@code AUTO}: refusal
   *     means "fall back", signalled by null
   */
  static RawBulkTransport tryOpen(SessionCore core, BulkSpec spec, boolean required)
      throws NetworkException, ErrnoException {
    int receiveFd;
    try {
      receiveFd = core.setup.openRaw(spec.targets().ipv6() ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
    } catch (ErrnoException e) {
      boolean tcp = spec.protocol() == dev.hoptrace.core.net.Protocol.TCP;
      if ((e.errno() == EPERM || e.errno() == EACCES) && !required && !tcp) {
        return null;
      }
      if ((e.errno() == EPERM || e.errno() == EACCES) && tcp) {
        throw new NetworkException(NetworkException.Reason.PERMISSION, BulkSpec.TCP_NEEDS_RAW, e);
      }
      if (e.errno() == EPERM || e.errno() == EACCES) {
        throw new NetworkException(NetworkException.Reason.PERMISSION, "raw sockets need root or"
            + " CAP_NET_RAW (" + e.getMessage() + "); run with sudo, or use --mode unprivileged",
            e);
      }
      throw e;
    }
    PortReservation identity = null;
    int sendFd = -1;
    int tcpFd = -1;
    try {
      java.net.InetAddress local = RouteProbe.localAddress(core);
      identity = PortReservation.reserve(core.arena, local, false);
      core.setup.enableRawReceive(receiveFd);
      Libc.setsockopt(receiveFd, SOL_SOCKET, SO_RCVBUF, 8 << 20);
      if (spec.targets().ipv6()) {
        java.lang.foreign.MemorySegment filter = core.arena.allocate(32, 4);
        int[] blocked = RawFilters.icmp6TypeFilter();
        for (int i = 0; i < 8; i++) {
          filter.setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, i, blocked[i]);
        }
        Libc.setsockopt(receiveFd, SOL_ICMPV6, ICMP6_FILTER, filter, 32);
      }
      core.setup.attachFilter(receiveFd, spec.targets().ipv6()
          ? RawFilters.icmpV6(spec.protocol(), identity.port())
          : RawFilters.icmpV4(spec.protocol(), identity.port()));
      if (spec.protocol() == dev.hoptrace.core.net.Protocol.TCP) {
        tcpFd = core.setup.openRaw(IPPROTO_TCP);
        core.setup.enableRawReceive(tcpFd);
        Libc.setsockopt(tcpFd, SOL_SOCKET, SO_RCVBUF, 8 << 20);
        core.setup.attachFilter(tcpFd, RawFilters.tcp(spec.targets().ipv6(), identity.port()));
      }
      sendFd = core.setup.openRaw(IPPROTO_RAW);
      core.setup.attachFilter(sendFd, RawFilters.nothing());
      SessionInfo info = new SessionInfo(dev.hoptrace.core.net.ProbeMode.RAW,
          "raw sockets, sendmmsg/recvmmsg batches: probes built with their IP header, replies"
              + " read from a raw " + (spec.targets().ipv6() ? "ICMPv6" : "ICMP")
              + (tcpFd >= 0 ? " socket and a raw TCP" : "") + " socket filtered in the kernel on identity " + identity.port()
              + ", state carried in each probe",
          "", local, true);
      RawBulkTransport transport =
          new RawBulkTransport(core, info, spec, identity, sendFd, receiveFd, tcpFd);
      core.register(receiveFd, EPOLLIN, (events, wokeAt, sink) -> {});
      transport.drain(receiveFd);
      if (tcpFd >= 0) {
        core.register(tcpFd, EPOLLIN, (events, wokeAt, sink) -> {});
        transport.drain(tcpFd);
      }
      return transport;
    } catch (ErrnoException | NetworkException | RuntimeException e) {
      Libc.closeQuietly(receiveFd);
      Libc.closeQuietly(sendFd);
      Libc.closeQuietly(tcpFd);
      if (identity != null) {
        identity.close();
      }
      throw e;
    }
  }

  /** Discards what arrived before the filter took effect. */
  private void drain(int fd) throws NetworkException {
    for (int i = 0; i < 1000; i++) {
      if (BatchCalls.receive(fd, in, RECEIVE_BATCH, 0) == 0) {
        return;
      }
    }
  }

  @Override
  public SessionInfo info() {
    return info;
  }

  @Override
  public long now() {
    return RealtimeClock.now();
  }

  @Override
  public int send(ProbeBatch batch) throws NetworkException {
    int n = Math.min(batch.count, out.count());
    long now = RealtimeClock.now();
    for (int i = 0; i < n; i++) {
      int target = batch.target[i];
      writer.write(packet, 0, target, batch.ttl[i], batch.index[i], batch.sequence[i],
          spec.check(target), now);
      out.putData(i, packet, 0, packet.length);
      spec.targets().copyAddress(target, address, 0);
      // Port 0: raw IPv6 sockets read sin6_port as a protocol number (raw(7)).
      int nameLength = BulkAddresses.write(out.names(), out.nameOffset(i), address, addressLength, 0);
      out.prepareForSend(i, nameLength, packet.length, 0);
      batch.sentAt[i] = now;
    }
    return BatchCalls.sendAll(sendFd, out, n, tally);
  }

  @Override
  public void receive(ReplyBatch replies, long deadline) throws NetworkException {
    try {
      boolean waited = false;
      while (true) {
        int room = Math.min(RECEIVE_BATCH, replies.capacity() - replies.count);
        if (room <= 0) {
          return;
        }
        int got = BatchCalls.receive(receiveFd, in, room, 0);
        long fallback = got > 0 ? RealtimeClock.now() : 0;
        for (int i = 0; i < got; i++) {
          read(i, fallback, replies, false);
        }
        boolean more = got == room;
        room = Math.min(RECEIVE_BATCH, replies.capacity() - replies.count);
        if (tcpFd >= 0 && room > 0) {
          int segments = BatchCalls.receive(tcpFd, in, room, 0);
          fallback = segments > 0 ? RealtimeClock.now() : 0;
          for (int i = 0; i < segments; i++) {
            read(i, fallback, replies, true);
          }
          more |= segments == room;
        }
        if (more) {
          continue; // maybe more queued
        }
        if (replies.count > 0 || waited) {
          return;
        }
        long remaining = deadline - RealtimeClock.now();
        if (remaining <= 0) {
          return;
        }
        BatchCalls.await(core, remaining);
        waited = true;
      }
    } catch (ErrnoException e) {
      throw NetworkErrors.setup("receiving replies", e);
    }
  }

  /** Decodes message {@code i} of {@code in}: an ICMP message, or a TCP segment. */
  private void read(int i, long fallback, ReplyBatch replies, boolean segment) {
    int length = in.getData(i, received);
    ancillary.parse(in.controls(), in.controlOffset(i), in.controlLength(i));
    long at = ancillary.time > 0 ? ancillary.time : fallback;
    if (v6) {
      // An AF_INET6 raw socket hands over the ICMPv6 message; the sender is the name.
      if (!BulkAddresses.read(in.names(), in.nameOffset(i), in.nameLength(i), address, 16)) {
        replies.malformed++;
        return;
      }
      if (segment) {
        reader.readTcp(received, 0, length, address, 0, ancillary.ttl, at, replies);
      } else {
        reader.read(received, 0, length, address, 0, ancillary.ttl, at, replies);
      }
      return;
    }
    int ihl = (received[0] & 0x0f) * 4;
    if (length < 20 || (received[0] & 0xf0) != 0x40 || ihl < 20 || ihl > length) {
      replies.malformed++;
      return;
    }
    if (segment) {
      reader.readTcp(received, ihl, length - ihl, received, 12, received[8] & 0xff, at, replies);
    } else {
      reader.read(received, ihl, length - ihl, received, 12, received[8] & 0xff, at, replies);
    }
  }

  @Override
  public void close() {
    Libc.closeQuietly(sendFd);
    Libc.closeQuietly(receiveFd);
    Libc.closeQuietly(tcpFd);
    identity.close();
    core.close();
  }
}
