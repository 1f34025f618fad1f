package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.TcpInfo;
import dev.hoptrace.packet.ext.IcmpExtensions;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * One TCP probe: a non-blocking {@code connect()} whose SYN carries the TTL. A hop's ICMP error
 * lands on the socket's error queue (and fails the connect); the destination either completes the
 * handshake ({@link ReplyKind#TCP_OPEN}) or resets it ({@link ReplyKind#TCP_REFUSED}). Closing
 * with {@code SO_LINGER {1, 0}} sends a RST and leaves no TIME_WAIT.
 */
final class TcpConnectProbe implements SessionCore.ReadySocket, ProbeSockets.ProbeSocket {
  private final SessionCore core;
  private final int fd;
  private final WireKey key;
  private final long sentAt;
  private final MemorySegment tcpInfo;
  private final MemorySegment linger;
  private static final String RETRANSMITTED =
      "the kernel's retransmission of a TCP probe's lost SYN";

  private long token;
  private boolean settled;
  private boolean sawIcmp;
  /** Set when the engine releases the probe, possibly from inside {@link #onReady}'s sink. */
  private boolean closed;

  TcpConnectProbe(
      SessionCore core, int fd, WireKey key, long sentAt, MemorySegment tcpInfo,
      MemorySegment linger) {
    this.core = core;
    this.fd = fd;
    this.key = key;
    this.sentAt = sentAt;
    this.tcpInfo = tcpInfo;
    this.linger = linger;
  }

  void registered(long token) {
    this.token = token;
  }

  WireKey key() {
    return key;
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    // TCP_SYNCNT cannot go below one retransmission: when the probe's own SYN is lost, the kernel
    // sends it again a second later, and an answer to that copy would show a hop's RTT as ~1 s.
    // Such answers are not the probe's; it stays unanswered.
    Libc.getsockopt(fd, IPPROTO_TCP, TCP_INFO, tcpInfo);
    boolean retransmitted = TcpInfo.totalRetransmissions(tcpInfo) > 0;
    for (int i = 0; i < 16 && !closed; i++) {
      Received entry = core.reader.read(fd, true);
      if (entry == null) {
        break;
      }
      if (ErrorEntryDecoder.isIcmp(entry)) {
        sawIcmp = true;
        if (retransmitted) {
          sink.foreign(RETRANSMITTED + " got an ICMP error");
        } else {
          sink.accept(core.errors.toReply(key, entry, RealtimeClock.now()));
        }
      } else {
        String why = ErrorEntryDecoder.whyNotIcmp(entry);
        if (why != null) {
          sink.foreign(why);
        }
      }
    }
    if (closed || settled || (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0) {
      return;
    }
    if (sawIcmp) {
      // The ICMP error decided this probe. Reading it off the queue also cleared the socket's
      // error, so what epoll says now (writable, hung up) is not an answer from the destination.
      settle();
      return;
    }
    int error = Libc.getsockoptInt(fd, SOL_SOCKET, SO_ERROR);
    if (retransmitted && (error == 0 || error == ECONNREFUSED)) {
      sink.foreign(RETRANSMITTED + " was answered by the destination");
      settle();
    } else if (error == 0 && (events & EPOLLOUT) != 0 && TcpInfo.established(tcpInfo)) {
      sink.accept(destinationReply(ReplyKind.TCP_OPEN, openedAt(wokeAt)));
      settle();
    } else if (error == ECONNREFUSED) {
      // A RST carries no kernel timestamp we can read back: the wake-up time is the best stamp.
      sink.accept(destinationReply(ReplyKind.TCP_REFUSED, wokeAt));
      settle();
    } else if (error != 0) {
      sink.foreign("TCP probe to port " + key.dstPort() + " ended with "
          + dev.hoptrace.linux.ffm.ErrnoException.describe(error) + " and no ICMP error");
      settle();
    }
  }

  /** Kernel-measured SYN → SYN-ACK time from TCP_INFO, or the wake-up time without a sample. */
  private long openedAt(long wokeAt) throws ErrnoException {
    Libc.getsockopt(fd, IPPROTO_TCP, TCP_INFO, tcpInfo);
    int micros = TcpInfo.rttMicros(tcpInfo);
    return micros > 0 ? sentAt + micros * 1_000L : wokeAt;
  }

  private Reply destinationReply(ReplyKind kind, long at) {
    return new Reply(
        key,
        Optional.of(core.spec.destination()),
        core.spec.destination(),
        kind,
        -1,
        -1,
        0,
        -1,
        at,
        Optional.empty(),
        IcmpExtensions.NONE);
  }

  /** The outcome is known: stop watching (a connected socket would stay writable forever). */
  private void settle() {
    settled = true;
    core.unregister(token, fd, true);
  }

  @Override
  public void close() {
    closed = true;
    core.unregister(token, fd, false);
    try {
      Libc.setsockopt(fd, SOL_SOCKET, SO_LINGER, linger, (int) linger.byteSize());
    } catch (ErrnoException ignored) {
      // The socket may already be reset; an ordinary close is then just as good.
    }
    Libc.closeQuietly(fd);
  }
}
