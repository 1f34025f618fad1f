package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.FlowId;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.packet.Checksum;

/**
 * Writes bulk probes with their IP header, for raw sockets and the simulator, into a caller's
 * buffer without allocating: a template made once, then per probe the destination, TTL, IP ID,
 * ports or echo sequence, the {@link ProbeStamp} and the checksums.
 *
 * <p>What a router quoting only the IP header and 8 bytes returns must still name the probe
 * (RFC 792's minimum): its position in its trace and a {@link ProbeStamp#shortCheck} of the
 * destination travel in those headers. The stamp's two slot bytes make a checksum say what we
 * want, as Paris traceroute does.
 *
 * <ul>
 *   <li>UDP: source port = the run's identity, destination port = {@link BulkSpec#udpPort},
 *       checksum = the short check, IPv4 ID = the probe's position;
 *   <li>ICMP echo: identifier = the run's identity, sequence = the probe's position, IPv4 ID =
 *       the short check; checksum = the short check, or with Paris flow 0's ({@link
 *       FlowId#icmpChecksum}), so every probe to a destination is one flow;
 *   <li>TCP: a bare SYN (no options, no data, so no stamp) from the run's identity to {@link
 *       BulkSpec#port}, both ports constant (one flow per destination, Paris or not); sequence
 *       number = short check (high 16 bits) and position (low 16 bits), IPv4 ID = the position.
 *       A router's 8 quoted bytes hold the ports and the sequence, and the destination's SYN-ACK
 *       or RST acknowledges sequence + 1, so both name the probe (as Yarrp's TCP probes do); the
 *       send time is the engine's, noted when the probe left;
 *   <li>DF clear; IPv6 flow label 0. With Paris every flow field stays constant.
 * </ul>
 */
public final class RawProbeWriter {
  private static final int UDP = 17;
  private static final int TCP = 6;
  private static final int TCP_SYN = 0x02;
  /** The window of the one-shot raw SYN (RawProbeBuilder), so both probes look alike. */
  private static final int TCP_WINDOW = 5840;
  private static final int ICMP = 1;
  private static final int ICMPV6 = 58;

  private final BulkSpec spec;
  private final boolean v6;
  private final int ip;
  private final int length;
  private final int ident;
  private final boolean tcp;
  private final byte[] template;
  private final int heldChecksum = new FlowId(0).icmpChecksum();

  /**
   * @param source the 4 or 16 bytes of the address probes leave from
   * @param ident the run's identity: UDP source port or echo identifier
   */
  public RawProbeWriter(BulkSpec spec, byte[] source, int ident) {
    this.spec = spec;
    this.v6 = spec.targets().ipv6();
    this.ip = v6 ? 40 : 20;
    this.length = spec.packetLength();
    this.ident = ident;
    this.tcp = spec.protocol() == Protocol.TCP;
    this.template = new byte[length];
    int next = switch (spec.protocol()) {
      case UDP -> UDP;
      case TCP -> TCP;
      case ICMP -> v6 ? ICMPV6 : ICMP;
    };
    if (v6) {
      template[0] = (byte) (0x60 | spec.tos() >>> 4);
      template[1] = (byte) (spec.tos() << 4);
      put16(template, 4, length - 40);
      template[6] = (byte) next;
      System.arraycopy(source, 0, template, 8, 16);
    } else {
      template[0] = 0x45;
      template[1] = (byte) spec.tos();
      put16(template, 2, length);
      template[9] = (byte) next;
      System.arraycopy(source, 0, template, 12, 4);
    }
    if (spec.protocol() == Protocol.UDP) {
      put16(template, ip, ident);
      put16(template, ip + 4, length - ip);
    } else if (tcp) {
      put16(template, ip, ident);
      put16(template, ip + 2, spec.port());
      template[ip + 12] = 0x50; // data offset: 5 words, no options
      template[ip + 13] = TCP_SYN;
      put16(template, ip + 14, TCP_WINDOW);
    } else {
      template[ip] = (byte) (v6 ? 128 : 8);
      put16(template, ip + 4, ident);
    }
    // Padding after the stamp: a recognisable pattern, as traceroute's payload.
    for (int i = ip + 8 + ProbeStamp.LENGTH; i < length; i++) {
      template[i] = (byte) (0x40 + (i & 0x3f));
    }
  }

  /** Bytes of every probe. */
  public int length() {
    return length;
  }

  /** Writes one probe at {@code b[at..at+length())}. */
  public void write(byte[] b, int at, int target, int ttl, int index, int sequence, int check,
      long sentAt) {
    System.arraycopy(template, 0, b, at, length);
    int t = at + ip;
    if (v6) {
      b[at + 7] = (byte) ttl;
      spec.targets().copyAddress(target, b, at + 24);
    } else {
      put16(b, at + 4,
          spec.protocol() == Protocol.ICMP ? ProbeStamp.shortCheck(check) : sequence);
      b[at + 8] = (byte) ttl;
      spec.targets().copyAddress(target, b, at + 16);
      put16(b, at + 10, Checksum.of(b, at, 20));
    }
    int segment = length - ip;
    if (tcp) {
      put16(b, t + 4, ProbeStamp.shortCheck(check));
      put16(b, t + 6, sequence);
      put16(b, t + 16, Checksum.finish(pseudo(b, at, TCP, segment)
          + Checksum.sum(b, t, segment, 0)));
      return;
    }
    ProbeStamp.write(b, t + 8, check, ttl, index, sentAt);
    int slot = t + 8 + ProbeStamp.CHECKSUM_SLOT;
    if (spec.protocol() == Protocol.UDP) {
      put16(b, t + 2, spec.udpPort(sequence));
      int sum = Checksum.finish(pseudo(b, at, UDP, segment) + Checksum.sum(b, t, segment, 0));
      put16(b, t + 6, holdChecksum(b, slot, sum, ProbeStamp.shortCheck(check)));
    } else {
      put16(b, t + 6, sequence);
      long pseudo = v6 ? pseudo(b, at, ICMPV6, segment) : 0;
      int sum = Checksum.finish(pseudo + Checksum.sum(b, t, segment, 0));
      int wanted = spec.paris() ? heldChecksum : ProbeStamp.shortCheck(check);
      put16(b, t + 2, holdChecksum(b, slot, sum, wanted));
    }
  }

  /**
   * Sets the two slot bytes so that a message whose checksum is {@code sum} with the slot at 0
   * has checksum {@code wanted} instead: slot = sum + ~wanted, folded (RFC 1071 arithmetic).
   */
  private static int holdChecksum(byte[] b, int slot, int sum, int wanted) {
    put16(b, slot, fold(sum + (~wanted & 0xffff)));
    return wanted;
  }

  /** The pseudo-header sum (RFC 768, RFC 8200 §8.1) of the probe at {@code at}. */
  private long pseudo(byte[] b, int at, int protocol, int segment) {
    long sum = v6 ? Checksum.sum(b, at + 8, 32, 0) : Checksum.sum(b, at + 12, 8, 0);
    return sum + protocol + segment;
  }

  private static int fold(long sum) {
    long s = sum;
    while ((s >>> 16) != 0) {
      s = (s & 0xffff) + (s >>> 16);
    }
    return (int) s;
  }

  private static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }
}
