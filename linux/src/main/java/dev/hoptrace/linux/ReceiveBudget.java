package dev.hoptrace.linux;

/**
 * How many probes one shared socket can have in flight without the kernel dropping their replies.
 *
 * <p>A ping socket or a Paris UDP socket receives the reply to every probe of the trace: ICMP
 * errors on its error queue, echo replies on its receive queue. Both count against the socket's
 * receive buffer, and what arrives while it is full is dropped, for the error queue without a
 * trace (no counter, no {@code SO_RXQ_OVFL}): a router that answered would show as {@code *}.
 * Replies pile up whenever the reader falls behind (a pause of the JVM, a starved CPU), so the
 * buffer is made roomy and the window kept to what it holds, by the kernel's accounting of each
 * queued packet ({@code skb->truesize}: its data rounded up to the allocation, plus the
 * bookkeeping, per fragment).
 */
final class ReceiveBudget {
  /** What hoptrace asks for; the kernel doubles it and caps it at {@code net.core.rmem_max}. */
  static final int REQUESTED = 1 << 20;

  /** Kernel cost of a queued packet of up to about 256 bytes (an error quoting a small probe). */
  static final int SMALL_PACKET = 1024;
  /** Kernel cost of a full-size packet (or fragment) of up to 1500 bytes. */
  static final int FULL_PACKET = 2304;
  /** Bytes of an IP packet per fragment on an Ethernet path. */
  static final int FRAGMENT_DATA = 1480;
  /** The longest quote an ICMP error carries: 576 bytes for IPv4, 1280 for IPv6 (RFC 1812, 4443). */
  static final int LONGEST_ERROR = 1280;

  private ReceiveBudget() {}

  /**
   * @param grantedBytes the receive buffer the kernel granted ({@code getsockopt SO_RCVBUF})
   * @param packetLength the probes' length
   * @param echoReplies whether replies as long as the probes land there too (ping sockets)
   * @return probes that may be in flight at once, at least 1
   */
  static int window(int grantedBytes, int packetLength, boolean echoReplies) {
    int reply = cost(Math.min(packetLength + 28, LONGEST_ERROR)); // an error quoting the probe
    if (echoReplies) {
      reply = Math.max(reply, cost(packetLength));
    }
    return Math.max(1, grantedBytes / reply);
  }

  /** The kernel's cost of a packet of {@code length} bytes once queued. */
  static int cost(int length) {
    if (length <= 256) {
      return SMALL_PACKET;
    }
    int fragments = (length + FRAGMENT_DATA - 1) / FRAGMENT_DATA;
    return fragments * FULL_PACKET;
  }
}
