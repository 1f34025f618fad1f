package dev.hoptrace.packet;

import java.net.InetAddress;

/**
 * Paris traceroute's checksum tricks (Augustin et al., "Avoiding traceroute anomalies with Paris
 * traceroute", IMC 2006): the first two payload bytes of a probe, the <em>slot</em>, are chosen so
 * that its checksum field holds a value the prober picked, while the packet stays valid.
 *
 * <ul>
 *   <li>A UDP probe's checksum then carries the probe's identity: load balancers hash the ports,
 *       not the checksum, and every router quotes the checksum back (it is in the first 8 bytes
 *       of the transport header, all RFC 792 asks for).
 *   <li>An ICMP echo's checksum, which balancers do hash with type and code, stays constant while
 *       the sequence changes.
 * </ul>
 *
 * <p>Ones' complement addition is commutative and associative, so whatever the slot adds the
 * checksum field can take away: the sum over the whole segment stays the same.
 */
public final class ParisChecksum {
  /** Payload bytes the compensation takes: the first two, right after the 8-byte header. */
  public static final int SLOT = 2;

  private static final int HEADER = 8;

  private ParisChecksum() {}

  /**
   * A whole UDP datagram whose checksum field is {@code identity} (0 is sent as 0xffff, RFC 768
   * reserves 0 for "no checksum"; so identities 0 and 0xffff look alike).
   *
   * @param payload at least {@link #SLOT} bytes; its first two are replaced
   */
  public static byte[] udp(InetAddress src, InetAddress dst, int srcPort, int dstPort,
      byte[] payload, int identity) {
    Fields.check("identity", identity, 0xffff);
    byte[] datagram = Udp.encode(src, dst, srcPort, dstPort, slotZero(payload));
    Wire.put16(datagram, 6, 0);
    int withZeroSlot =
        Checksum.transport(src, dst, Ipv4Header.PROTOCOL_UDP, datagram, 0, datagram.length);
    int wanted = identity == 0 ? 0xffff : identity;
    Wire.put16(datagram, HEADER, Checksum.compensation(withZeroSlot, wanted));
    Wire.put16(datagram, 6, wanted);
    return datagram;
  }

  /**
   * The checksum field of the datagram {@link #udp} built with the same addresses, ports and
   * payload, recovered from a quote of its payload alone: what an error queue shows of a quoted
   * probe, whose UDP header the kernel strips. The slot gives the identity; the bytes after it
   * must be the payload's as far as they were quoted, so that a quote cut short and padded with
   * zeros (RFC 4884 §4.1) is not taken for a probe.
   *
   * @return 1..0xffff, or -1 when the quote is shorter than the slot or is not this payload
   */
  public static int udpIdentity(InetAddress src, InetAddress dst, int srcPort, int dstPort,
      byte[] payload, byte[] quoted, int off, int len) {
    Wire.checkRange(quoted, off, len);
    if (len < SLOT) {
      return -1;
    }
    for (int i = SLOT; i < Math.min(len, payload.length); i++) {
      if (quoted[off + i] != payload[i]) {
        return -1;
      }
    }
    byte[] datagram = Udp.encode(src, dst, srcPort, dstPort, slotZero(payload));
    Wire.put16(datagram, 6, 0);
    int withZeroSlot =
        Checksum.transport(src, dst, Ipv4Header.PROTOCOL_UDP, datagram, 0, datagram.length);
    // slot = ~wanted + base, so wanted = base + ~slot (mod 0xffff); 0 stands for 0xffff.
    int wanted = fold(withZeroSlot + (~Wire.u16(quoted, off) & 0xffff));
    return wanted == 0 ? 0xffff : wanted;
  }

  /**
   * Rewrites a valid ICMP or ICMPv6 echo request in place so that its checksum field is {@code
   * checksum} and it stays valid: the slot takes up the difference. A kernel that computes the
   * checksum itself (ping sockets) arrives at the same value, given the same identifier and, for
   * ICMPv6, the same addresses.
   *
   * @param echo header and at least {@link #SLOT} bytes of data, checksum correct
   * @param checksum 0..0xfffe: a computed checksum is never 0xffff
   */
  public static void holdEcho(byte[] echo, int checksum) {
    Fields.check("checksum", checksum, 0xfffe);
    if (echo.length < HEADER + SLOT) {
      throw new IllegalArgumentException(
          "an echo needs " + SLOT + " data bytes to hold its checksum, has " + (echo.length - HEADER));
    }
    long sum = Wire.u16(echo, 2) + Wire.u16(echo, HEADER) + (~checksum & 0xffff);
    Wire.put16(echo, HEADER, fold(sum));
    Wire.put16(echo, 2, checksum);
  }

  private static byte[] slotZero(byte[] payload) {
    if (payload.length < SLOT) {
      throw new IllegalArgumentException(
          "the payload needs " + SLOT + " bytes for the checksum slot, has " + payload.length);
    }
    byte[] copy = payload.clone();
    copy[0] = 0;
    copy[1] = 0;
    return copy;
  }

  /** Folds the carries of a ones' complement sum (end-around carry), without complementing. */
  private static int fold(long sum) {
    long s = sum;
    while ((s >>> 16) != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return (int) s;
  }
}
