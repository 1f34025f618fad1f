package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.ControlMessages;
import dev.hoptrace.linux.ffm.ControlMessages.Ancillary;
import dev.hoptrace.linux.ffm.ErrnoException;
import dev.hoptrace.linux.ffm.Libc;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.MsgHdr;
import dev.hoptrace.linux.ffm.SockAddr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;

/**
 * Reads one message at a time, from a socket's normal queue or its error queue, into one set of
 * preallocated buffers shared by all sockets of a session (they are read from one thread).
 */
final class MessageReader {

  /**
   * One message as the kernel handed it over.
   *
   * @param name {@code msg_name}: the sender, or for an error-queue entry the probe's original
   *     destination and port; null when absent
   * @param payload the bytes read (for error entries: what follows the stripped headers)
   * @param truncated the kernel cut the payload or the control data ({@code MSG_TRUNC} / {@code
   *     MSG_CTRUNC})
   * @param ancillary the decoded control messages
   */
  record Received(
      InetSocketAddress name, byte[] payload, boolean truncated, Ancillary ancillary) {}

  private final MsgHdr msg;

  MessageReader(Arena arena, int capacity) {
    msg = new MsgHdr(arena, capacity);
  }

  /** Reads a queued message without waiting, or returns null when nothing is queued. */
  Received read(int fd, boolean errorQueue) throws ErrnoException {
    int flags = LinuxConstants.MSG_DONTWAIT | (errorQueue ? LinuxConstants.MSG_ERRQUEUE : 0);
    long n;
    try {
      n = Libc.recvmsg(fd, msg.prepareForReceive(), flags);
    } catch (ErrnoException e) {
      // An ICMP error queued between draining the error queue and this read sets sk_err, which
      // a normal read returns (and clears) instead of data; the entry itself waits on the error
      // queue, whose EPOLLERR wakes the session again.
      if (!errorQueue && StaleErrors.isStale(e.errno())) {
        return null;
      }
      throw e;
    }
    if (n < 0) {
      return null;
    }
    MemorySegment data = msg.data();
    byte[] payload = data.asSlice(0, Math.min(n, data.byteSize())).toArray(ValueLayout.JAVA_BYTE);
    int mflags = msg.flags();
    boolean truncated =
        (mflags & (LinuxConstants.MSG_TRUNC | LinuxConstants.MSG_CTRUNC)) != 0;
    InetSocketAddress name = SockAddr.read(msg.name(), msg.nameLength());
    Ancillary ancillary = ControlMessages.parse(msg.control(), msg.controlLength());
    return new Received(name, payload, truncated, ancillary);
  }
}
