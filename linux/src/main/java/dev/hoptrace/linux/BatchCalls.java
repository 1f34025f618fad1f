package dev.hoptrace.linux;

import static dev.hoptrace.linux.ffm.LinuxConstants.*;

import dev.hoptrace.core.net.NetworkException;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.MessageVector;

/**
 * {@code sendmmsg} and {@code recvmmsg} as the bulk transports use them, with the errors that are
 * part of probing handled without exceptions: a full socket buffer ends a batch early, a pending
 * asynchronous error ({@code sk_err}, left by an ICMP error on a socket with {@code IP_RECVERR})
 * is consumed by the call it fails and the message is sent again, and a destination the kernel
 * refuses (no route, filtered) is skipped: its probe then times out.
 */
final class BatchCalls {
  /** Sends of one message that meet a fresh pending error before it is given up. */
  private static final int RETRIES = 8;

  private BatchCalls() {}

  /** What a batch of sends came to. */
  static final class Sent {
    /** Probes the kernel refused in total (they count as sent and time out). */
    long refused;
  }

  /**
   * Sends messages 0..n-1 of {@code out}.
   *
   * @return how many left or were skipped as refused; fewer than n when the socket is full
   */
  static int sendAll(int fd, MessageVector out, int n, Sent tally) throws NetworkException {
    int done = 0;
    int retries = 0;
    while (done < n) {
      int r = Libc.sendmmsg(fd, out.from(done), n - done, 0);
      if (r > 0) {
        done += r;
        retries = 0;
        continue;
      }
      int errno = -r;
      if (errno == EAGAIN || errno == ENOBUFS) {
        return done;
      }
      if (errno == EINTR || (StaleErrors.isStale(errno) && ++retries < RETRIES)) {
        continue; // the pending error is consumed: this message did not go out, send it again
      }
      if (StaleErrors.isStale(errno) || errno == EPERM || errno == EINVAL) {
        tally.refused++;
        done++;
        retries = 0;
        continue;
      }
      throw NetworkErrors.setup("sending probes", new ErrnoException("sendmmsg", errno));
    }
    return done;
  }

  /**
   * Waits up to {@code nanos} for a socket of {@code core} to become ready. epoll counts in
   * milliseconds; a shorter wait (the gap between two batches at a high rate) parks the thread
   * instead of rounding up to a whole millisecond, and the caller polls again after it. Replies
   * that arrive meanwhile lose nothing: the kernel timestamped them.
   */
  static void await(SessionCore core, long nanos) throws ErrnoException {
    if (nanos < 1_000_000) {
      java.util.concurrent.locks.LockSupport.parkNanos(nanos);
      return;
    }
    core.await((int) Math.min(60_000, nanos / 1_000_000));
  }

  /**
   * Reads up to {@code room} queued messages into {@code in} without waiting.
   *
   * @return how many; 0 when nothing is queued, or when a normal read met a pending error (the
   *     entry itself waits on the error queue)
   */
  static int receive(int fd, MessageVector in, int room, int flags) throws NetworkException {
    in.prepareForReceive(room);
    int r = Libc.recvmmsg(fd, in.segment(), room, flags | MSG_DONTWAIT);
    if (r >= 0) {
      return r;
    }
    int errno = -r;
    if (errno == EAGAIN || errno == EINTR
        || ((flags & MSG_ERRQUEUE) == 0 && StaleErrors.isStale(errno))) {
      return 0;
    }
    throw NetworkErrors.setup("receiving replies", new ErrnoException("recvmmsg", errno));
  }
}
