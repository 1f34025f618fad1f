package dev.hoptrace.core.net;

/**
 * One probe as the strategy wants it on the wire. The session maps these fields onto its socket
 * kind and reports the identity it actually used in {@link SentProbe#key()}.
 *
 * @param ttl IPv4 TTL or IPv6 hop limit, 1..255
 * @param srcPort requested source port (UDP/TCP), 0 to let the session choose
 * @param dstPort destination port (UDP/TCP); ignored for ICMP
 * @param sequence per-trace probe sequence 0..65535: ICMP echo sequence, and for sessions that
 *     cannot vary ports the value they carry identity in
 * @param icmpChecksum ICMP only: the checksum the echo request must carry whatever its sequence
 *     (Paris: balancers hash it), 0..0xfffe; or {@link #ANY_CHECKSUM} to let it follow the sequence
 * @param size total length in bytes including the IP header, or {@link #SESSION_SIZE} for the
 *     session's packet length; path MTU discovery shrinks its probes as it learns the MTU
 */
public record OutgoingProbe(
    int ttl, int srcPort, int dstPort, int sequence, int icmpChecksum, int size) {
  /** The echo checksum is whatever the sequence makes it (classic traceroute). */
  public static final int ANY_CHECKSUM = -1;
  /** The probe is as long as the session's {@link SessionSpec#packetLength()}. */
  public static final int SESSION_SIZE = 0;

  public OutgoingProbe {
    if (ttl < 1 || ttl > 255) {
      throw new IllegalArgumentException("ttl must be 1..255, got " + ttl);
    }
    if (srcPort < 0 || srcPort > 65535 || dstPort < 0 || dstPort > 65535) {
      throw new IllegalArgumentException("ports must be 0..65535");
    }
    if (sequence < 0 || sequence > 65535) {
      throw new IllegalArgumentException("sequence must be 0..65535, got " + sequence);
    }
    if (icmpChecksum < ANY_CHECKSUM || icmpChecksum > 0xfffe) {
      throw new IllegalArgumentException("ICMP checksum must be 0..0xfffe, got " + icmpChecksum);
    }
    if (size < 0 || size > 65000) {
      throw new IllegalArgumentException("size must be 0..65000, got " + size);
    }
  }

  /** A probe of the session's packet length. */
  public OutgoingProbe(int ttl, int srcPort, int dstPort, int sequence, int icmpChecksum) {
    this(ttl, srcPort, dstPort, sequence, icmpChecksum, SESSION_SIZE);
  }

  /** A probe whose echo checksum, if any, follows the sequence. */
  public OutgoingProbe(int ttl, int srcPort, int dstPort, int sequence) {
    this(ttl, srcPort, dstPort, sequence, ANY_CHECKSUM);
  }

  /** This probe, {@code bytes} long in total. */
  public OutgoingProbe withSize(int bytes) {
    return new OutgoingProbe(ttl, srcPort, dstPort, sequence, icmpChecksum, bytes);
  }

  /** The probe's total length: its own size, else the session's {@code packetLength}. */
  public int sizeOr(int packetLength) {
    return size == SESSION_SIZE ? packetLength : size;
  }

  /** Whether the echo checksum must be held at {@link #icmpChecksum()}. */
  public boolean holdsIcmpChecksum() {
    return icmpChecksum != ANY_CHECKSUM;
  }
}
