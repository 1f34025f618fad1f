package dev.hoptrace.linux;

import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.SockExtendedErr;

/**
 * One UDP probe on its own connected socket with {@code IP_RECVERR}: whatever ICMP error its
 * datagram provokes lands on this socket's error queue, so the socket itself identifies the probe.
 * Because the socket never sends again, a pending {@code sk_err} can never eat a later probe.
 */
final class ErrorQueueSocket implements SessionCore.ReadySocket, ProbeSockets.ProbeSocket {
  private final SessionCore core;
  private final int fd;
  private final WireKey key;
  private long token;
  private long sentAt;
  /** Set when the engine releases the probe, possibly from inside {@link #onReady}'s sink. */
  private boolean closed;

  ErrorQueueSocket(SessionCore core, int fd, WireKey key, long sentAt) {
    this.core = core;
    this.fd = fd;
    this.key = key;
    this.sentAt = sentAt;
  }

  WireKey key() {
    return key;
  }

  long sentAt() {
    return sentAt;
  }

  void registered(long token) {
    this.token = token;
  }

  /**
   * Right after the send: picks up the kernel transmit stamp (OPT_ID 0, the socket's only
   * datagram) when the driver already took it. On loopback the ICMP error may already be queued
   * behind it; it is kept for the next receive.
   */
  void takeTransmitStamp() throws ErrnoException {
    for (int i = 0; i < 4; i++) {
      Received entry = core.reader.read(fd, true);
      if (entry == null) {
        return;
      }
      SockExtendedErr ee = entry.ancillary().error();
      if (ee != null
          && ee.origin() == LinuxConstants.SO_EE_ORIGIN_TIMESTAMPING
          && ee.data() == 0
          && entry.ancillary().kernelTime() > 0) {
        sentAt = entry.ancillary().kernelTime();
      } else if (ErrorEntryDecoder.isIcmp(entry)) {
        core.deliverLater(core.errors.toReply(key, entry, RealtimeClock.now()));
      }
    }
  }

  @Override
  public void onReady(int events, long wokeAt, ReplySink sink) throws ErrnoException {
    // Bounded: an error queue holds at most what SO_RCVBUF admits; 16 per wake-up is plenty for
    // one probe and leaves the rest to the next (level-triggered) round.
    for (int i = 0; i < 16 && !closed; i++) {
      Received entry = core.reader.read(fd, true);
      if (entry == null) {
        break;
      }
      if (ErrorEntryDecoder.isIcmp(entry)) {
        sink.accept(core.errors.toReply(key, entry, RealtimeClock.now()));
      } else {
        String why = ErrorEntryDecoder.whyNotIcmp(entry);
        if (why != null) {
          sink.foreign(why);
        }
      }
    }
    if ((events & LinuxConstants.EPOLLIN) != 0) {
      for (int i = 0; i < 16 && !closed; i++) {
        Received datagram = core.reader.read(fd, false);
        if (datagram == null) {
          break;
        }
        sink.foreign("UDP datagram of " + datagram.payload().length + " bytes from the destination"
            + " port (answers to probes are ICMP errors; ignored)");
      }
    }
  }

  /** Closes the socket; late replies for this probe then have nowhere to arrive. */
  @Override
  public void close() {
    closed = true;
    core.unregister(token, fd, false);
    Libc.closeQuietly(fd);
  }
}
