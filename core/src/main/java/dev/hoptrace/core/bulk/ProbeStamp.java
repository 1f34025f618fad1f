package dev.hoptrace.core.bulk;

/**
 * The state of a bulk probe, carried by the probe itself so that nothing is remembered per probe
 * in flight: the first 12 bytes of its payload, which every ICMP error quotes back (RFC 1812
 * §4.3.2.3 has routers quote as much of the datagram as fits in 576 bytes, RFC 4443 §3 as much as
 * fits in the IPv6 minimum MTU) and every echo reply echoes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  destination check (32 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      TTL      |  probe index  |  send time, microseconds ...  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ... (32 bits, modulo 2^32)   |        checksum slot          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The check is a keyed hash of the destination address and the run's secret: a reply whose quote
 * names another destination than the one the probe was sent to (a rewriting middlebox) or that
 * answers another program's probe fails it. The send time wraps after 71 minutes; the receive
 * time tells which lap it belongs to.
 *
 * <p>A router may quote only the RFC 792 minimum, the IP header and 8 bytes, which cuts the stamp
 * off. The headers then carry what is needed ({@link RawProbeWriter}): the probe's position in
 * its trace ({@link ProbeBatch#sequence}) and a 16-bit {@link #shortCheck} of the destination;
 * the send time is the one the engine noted for that probe.
 */
public final class ProbeStamp {
  private ProbeStamp() {}

  public static final int LENGTH = 12;
  /** Offset of the two bytes that make a checksum of the probe hold the value it must carry. */
  public static final int CHECKSUM_SLOT = 10;

  /** Writes the stamp at {@code b[at..at+12)} (slot zero). */
  public static void write(byte[] b, int at, int check, int ttl, int index, long sentAtNanos) {
    put32(b, at, check);
    b[at + 4] = (byte) ttl;
    b[at + 5] = (byte) index;
    put32(b, at + 6, (int) (sentAtNanos / 1000));
    b[at + 10] = 0;
    b[at + 11] = 0;
  }

  public static int check(byte[] b, int at) {
    return get32(b, at);
  }

  public static int ttl(byte[] b, int at) {
    return b[at + 4] & 0xff;
  }

  public static int index(byte[] b, int at) {
    return b[at + 5] & 0xff;
  }

  /**
   * The send time, in nanoseconds of the clock {@code receivedAt} is read on: the latest time not
   * after the reception whose microseconds agree with the stamp's 32 bits.
   */
  public static long sentAt(byte[] b, int at, long receivedAt) {
    long stamped = get32(b, at + 6) & 0xffffffffL;
    long receivedMicros = receivedAt / 1000;
    long elapsed = (receivedMicros - stamped) & 0xffffffffL;
    return (receivedMicros - elapsed) * 1000;
  }

  /**
   * The 16 bits of a destination check that travel in a header (UDP checksum, IPv4 ID, ICMP
   * checksum) for routers that quote only 8 bytes past the IP header; never 0, which a UDP
   * checksum cannot hold.
   */
  public static int shortCheck(int check) {
    int c = (check ^ (check >>> 16)) & 0xffff;
    return c == 0 ? 0xffff : c;
  }

  /** The destination check: a keyed hash of the address bytes at {@code b[at..at+length)}. */
  public static int checkOf(byte[] b, int at, int length, long secret) {
    long h = secret ^ 0x6a09e667f3bcc909L;
    for (int i = 0; i < length; i++) {
      h = (h ^ (b[at + i] & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 29;
    h *= 0xbf58476d1ce4e5b9L;
    return (int) (h ^ (h >>> 32));
  }

  static void put32(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static int get32(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
        | (b[at + 3] & 0xff);
  }
}
