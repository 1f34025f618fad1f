package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;

/**
 * Decodes whole ICMP / ICMPv6 messages read from a raw socket (or the simulator) into a {@link
 * ReplyBatch}, without allocating. An error must quote one of our probes (UDP from our source
 * port, or an echo request with our identifier) with the stamp intact, or, where a router quoted
 * too little for the stamp, with the headers {@link RawProbeWriter} filled; an echo reply must carry
 * our identifier and echo the stamp. Either way the stamp's destination check must match the
 * destination the reply is about. Anything else is counted, never guessed onto a destination.
 *
 * <pre>
 *  ICMP error (RFC 792, RFC 4443 §3):
 *  +--------+--------+-----------------+
 *  |  type  |  code  |    checksum     |
 *  +--------+--------+-----------------+
 *  |  unused / MTU / pointer           |
 *  +-----------------------------------+
 *  |  quoted IP header (20+ or 40)     |
 *  +-----------------------------------+
 *  |  quoted UDP, ICMP or TCP (8)      |
 *  +-----------------------------------+
 *  |  quoted stamp (12) ...            |
 *  +-----------------------------------+
 * </pre>
 */
public final class RawReplyReader {
  private final BulkSpec spec;
  private final TargetTable targets;
  private final boolean v6;
  private final boolean udp;
  private final boolean tcp;
  private final int quotedProtocol;
  private final int ident;
  private final int addressLength;

  public RawReplyReader(BulkSpec spec, int ident) {
    this.spec = spec;
    this.targets = spec.targets();
    this.v6 = targets.ipv6();
    this.udp = spec.protocol() == Protocol.UDP;
    this.tcp = spec.protocol() == Protocol.TCP;
    this.quotedProtocol = switch (spec.protocol()) {
      case UDP -> 17;
      case TCP -> 6;
      case ICMP -> v6 ? 58 : 1;
    };
    this.ident = ident;
    this.addressLength = targets.addressLength();
  }

  /**
   * Decodes the ICMP message {@code b[off..off+len)}.
   *
   * @param from the responder's address bytes at {@code b[fromAt..]} (any array)
   * @param replyTtl the TTL / hop limit the message arrived with, or -1
   */
  public void read(byte[] b, int off, int len, byte[] from, int fromAt, int replyTtl,
      long receivedAt, ReplyBatch out) {
    if (len < 8 || off < 0 || off + len > b.length) {
      out.malformed++;
      return;
    }
    int end = off + len;
    int type = b[off] & 0xff;
    int code = b[off + 1] & 0xff;
    if (!udp && !tcp && type == (v6 ? 129 : 0)) {
      if (u16(b, off + 4) != ident) {
        out.unmatched++;
        return;
      }
      int target = targets.find(from, fromAt);
      add(b, off + 8, end, target, from, fromAt, replyTtl, receivedAt, ReplyKind.ECHO_REPLY, type,
          code, 0, out);
      return;
    }
    if (!isError(type)) {
      out.unmatched++;
      return;
    }
    int q = off + 8;
    int quotedTransport;
    int destination;
    if (v6) {
      if (q + 40 + 8 > end || (b[q] & 0xf0) != 0x60) {
        out.malformed++;
        return;
      }
      if ((b[q + 6] & 0xff) != quotedProtocol) {
        out.unmatched++;
        return;
      }
      destination = q + 24;
      quotedTransport = q + 40;
    } else {
      int ihl = (b[q] & 0x0f) * 4;
      if (q + 20 > end || (b[q] & 0xf0) != 0x40 || ihl < 20 || q + ihl + 8 > end) {
        out.malformed++;
        return;
      }
      if ((b[q + 9] & 0xff) != quotedProtocol) {
        out.unmatched++;
        return;
      }
      destination = q + 16;
      quotedTransport = q + ihl;
    }
    boolean ours = udp || tcp
        ? u16(b, quotedTransport) == ident
        : (b[quotedTransport] & 0xff) == (v6 ? 128 : 8) && u16(b, quotedTransport + 4) == ident;
    if (!ours) {
      out.unmatched++;
      return;
    }
    int mtu = 0;
    ReplyKind kind = ReplyKind.ofIcmp(v6, type, code);
    if (kind == ReplyKind.PACKET_TOO_BIG) {
      mtu = v6 ? (int) Math.min(Integer.MAX_VALUE, u32(b, off + 4)) : u16(b, off + 6);
    }
    int target = targets.find(b, destination);
    if (tcp) {
      // Source port, destination port, sequence number: all a short quote holds, all we need.
      int expected = target < 0 ? -1 : ProbeStamp.shortCheck(targets.check(target, spec.secret()));
      addTcp(u16(b, quotedTransport + 2), u32(b, quotedTransport + 4), expected, target, from,
          fromAt, replyTtl, receivedAt, kind, type, code, mtu, out);
      return;
    }
    if (quotedTransport + 8 + ProbeStamp.LENGTH > end) {
      addShort(b, q, quotedTransport, target, from, fromAt, replyTtl, receivedAt, kind, type, code,
          mtu, out);
      return;
    }
    add(b, quotedTransport + 8, end, target, from, fromAt, replyTtl, receivedAt, kind, type, code,
        mtu, out);
  }

  /**
   * A quote that ends before the stamp (RFC 792 asks only for the IP header and 8 bytes): the
   * probe's position and the destination's {@link ProbeStamp#shortCheck} come from the headers
   * {@link RawProbeWriter} filled. IPv4 UDP: position in the IP ID, check in the UDP checksum;
   * IPv4 ICMP: position in the echo sequence, check in the IP ID. IPv6 has no IP ID: the
   * position is the destination port (classic UDP) or the echo sequence, the check the checksum;
   * Paris holds the ports and the ICMPv6 checksum, so a Paris UDP probe cannot be told from
   * its neighbours (unmatched) and a Paris ICMPv6 one is taken on its sequence and the run's
   * identifier alone.
   */
  private void addShort(byte[] b, int q, int transport, int target, byte[] from, int fromAt,
      int replyTtl, long receivedAt, ReplyKind kind, int type, int code, int mtu,
      ReplyBatch out) {
    if (target < 0 || out.full()) {
      out.unmatched++;
      return;
    }
    int expected = ProbeStamp.shortCheck(targets.check(target, spec.secret()));
    int sequence;
    boolean checked;
    if (!v6) {
      sequence = udp ? u16(b, q + 4) : u16(b, transport + 6);
      checked = (udp ? u16(b, transport + 6) : u16(b, q + 4)) == expected
          && (!udp || u16(b, transport + 2) == spec.udpPort(sequence));
    } else if (udp) {
      sequence = u16(b, transport + 2) - spec.port();
      checked = !spec.paris() && sequence >= 0 && spec.udpPort(sequence) == u16(b, transport + 2)
          && u16(b, transport + 6) == expected;
    } else {
      sequence = u16(b, transport + 6);
      checked = spec.paris() || u16(b, transport + 2) == expected;
    }
    if (!checked) {
      out.unmatched++;
      return;
    }
    int i = out.addBySequence(target, sequence, receivedAt, kind, type, code, mtu, replyTtl);
    System.arraycopy(from, fromAt, out.responder, i * 16, addressLength);
  }

  /**
   * Decodes a TCP segment from a raw TCP socket (from the TCP header on; the IPv4 header, if any,
   * already skipped): the destination's SYN-ACK (port open) or RST (closed), sent to our port
   * from the probed one, acknowledging the probe's sequence + 1.
   *
   * <pre>
   *  TCP (RFC 9293 §3.1):
   *  +-----------------+-----------------+
   *  |   source port   | destination port|
   *  +-----------------+-----------------+
   *  |          sequence number          |
   *  +-----------------------------------+
   *  |       acknowledgment number       |
   *  +-----+-----+-----+-----------------+
   *  | off | rsv |flags|      window     |
   *  +-----+-----+-----+-----------------+
   * </pre>
   *
   * @param from the sender's address bytes at {@code from[fromAt..]}
   */
  public void readTcp(byte[] b, int off, int len, byte[] from, int fromAt, int replyTtl,
      long receivedAt, ReplyBatch out) {
    if (len < 20 || off < 0 || off + len > b.length) {
      out.malformed++;
      return;
    }
    int flags = b[off + 13] & 0x3f;
    boolean ack = (flags & 0x10) != 0;
    ReplyKind kind = (flags & 0x04) != 0 ? ReplyKind.TCP_REFUSED
        : (flags & 0x12) == 0x12 ? ReplyKind.TCP_OPEN : null;
    if (!tcp || kind == null || !ack || u16(b, off + 2) != ident) {
      out.unmatched++;
      return;
    }
    int target = targets.find(from, fromAt);
    int expected = target < 0 ? -1 : ProbeStamp.shortCheck(targets.check(target, spec.secret()));
    addTcp(u16(b, off), (u32(b, off + 8) - 1) & 0xffffffffL, expected, target, from, fromAt,
        replyTtl, receivedAt, kind, -1, -1, 0, out);
  }

  /** A TCP probe named by its destination port and sequence number (check, position). */
  private void addTcp(int port, long sequence, int expected, int target, byte[] from, int fromAt,
      int replyTtl, long receivedAt, ReplyKind kind, int type, int code, int mtu,
      ReplyBatch out) {
    if (target < 0 || out.full() || port != spec.port() || (sequence >>> 16) != expected) {
      out.unmatched++;
      return;
    }
    int i = out.addBySequence(target, (int) (sequence & 0xffff), receivedAt, kind, type, code,
        mtu, replyTtl);
    System.arraycopy(from, fromAt, out.responder, i * 16, addressLength);
  }

  private void add(byte[] b, int stamp, int end, int target, byte[] from, int fromAt,
      int replyTtl, long receivedAt, ReplyKind kind, int type, int code, int mtu,
      ReplyBatch out) {
    if (stamp + ProbeStamp.LENGTH > end || target < 0 || out.full()) {
      out.unmatched++;
      return;
    }
    int check = targets.check(target, spec.secret());
    if (ProbeStamp.check(b, stamp) != check) {
      out.unmatched++;
      return;
    }
    int i = out.add(target, ProbeStamp.ttl(b, stamp), ProbeStamp.index(b, stamp),
        ProbeStamp.sentAt(b, stamp, receivedAt), receivedAt, kind, type, code, mtu, replyTtl);
    System.arraycopy(from, fromAt, out.responder, i * 16, addressLength);
  }

  private boolean isError(int type) {
    return v6 ? type >= 1 && type <= 4 : type == 3 || type == 11 || type == 12;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }
}
