package dev.hoptrace.linux;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import java.lang.foreign.MemorySegment;

/**
 * A socket that carries many probes (a ping socket; Paris UDP's one socket), so the socket does
 * not say which probe an ICMP error answers: the quote must. A queued error also sets the
 * socket's {@code sk_err}, which the next send would return instead of sending (linux-probing §6):
 * the error queue is read empty before every send, and a send that still meets a stale error is
 * retried once.
 */
final class SharedProbeSocket {

  /** The key of the probe an ICMP error-queue entry answers, from its quote; null when none. */
  interface Quotes {
    WireKey keyOf(Received entry);
  }

  private static final int MAX_ENTRIES = 256;

  private final SessionCore core;
  private final int fd;
  private final Quotes quotes;

  SharedProbeSocket(SessionCore core, int fd, Quotes quotes) {
    this.core = core;
    this.fd = fd;
    this.quotes = quotes;
  }

  /**
   * Sends {@code length} bytes of {@code data} to the session's destination as written in {@code
   * core.destination} ({@code destinationLength} bytes of it); returns the time read just before
   * the send that went out.
   */
  long send(MemorySegment data, long length, int destinationLength) throws ErrnoException {
    drain(null);
    long sentAt = RealtimeClock.now();
    try {
      Libc.sendto(fd, data, length, 0, core.destination, destinationLength);
      return sentAt;
    } catch (ErrnoException e) {
      if (!StaleErrors.isStale(e.errno())) {
        throw e;
      }
      drain(null); // an error arrived between the drain and the send; nothing went out
      sentAt = RealtimeClock.now();
      Libc.sendto(fd, data, length, 0, core.destination, destinationLength);
      return sentAt;
    }
  }

  /**
   * Reads the whole error queue, which clears {@code sk_err}. Replies go to {@code sink}, or, when
   * it is null (before a send), to the next receive; entries that answer no probe are reported to
   * a sink and dropped without one.
   */
  void drain(ReplySink sink) throws ErrnoException {
    for (int i = 0; i < MAX_ENTRIES; i++) {
      Received entry = core.reader.read(fd, true);
      if (entry == null) {
        return;
      }
      if (!ErrorEntryDecoder.isIcmp(entry)) {
        String why = ErrorEntryDecoder.whyNotIcmp(entry);
        if (why != null && sink != null) {
          sink.foreign(why);
        }
        continue;
      }
      WireKey key = quotes.keyOf(entry);
      if (key == null) {
        if (sink != null) {
          sink.foreign("ICMP error quoting " + entry.payload().length
              + " bytes that carry no probe of this session");
        }
        continue;
      }
      Reply reply = core.errors.toReply(key, entry, RealtimeClock.now());
      if (sink != null) {
        sink.accept(reply);
      } else {
        core.deliverLater(reply);
      }
    }
  }
}
