package dev.hoptrace.sim;

import dev.hoptrace.packet.Wire;
import java.net.InetAddress;

/**
 * Reads and patches the few header fields a forwarding path touches, in place on the wire bytes of
 * an IPv4 (RFC 791) or IPv6 (RFC 8200) datagram. The simulator builds every packet it carries, so
 * these accessors assume a well-formed header; the session side decodes with the packet module.
 */
final class Datagram {
  static final int ICMP = 1;
  static final int TCP = 6;
  static final int UDP = 17;
  static final int ICMPV6 = 58;

  private Datagram() {}

  static boolean v6(byte[] p) {
    return (p[0] & 0xf0) == 0x60;
  }

  static int headerLength(byte[] p) {
    return v6(p) ? 40 : (p[0] & 0x0f) * 4;
  }

  static int protocol(byte[] p) {
    return v6(p) ? p[6] & 0xff : p[9] & 0xff;
  }

  static boolean icmp(byte[] p) {
    return protocol(p) == (v6(p) ? ICMPV6 : ICMP);
  }

  static int ttl(byte[] p) {
    return p[v6(p) ? 7 : 8] & 0xff;
  }

  static int tos(byte[] p) {
    return v6(p) ? (Wire.u16(p, 0) >>> 4) & 0xff : p[1] & 0xff;
  }

  static int flowLabel(byte[] p) {
    return v6(p) ? Wire.i32(p, 0) & 0xfffff : 0;
  }

  static int sourceOffset(byte[] p) {
    return v6(p) ? 8 : 12;
  }

  static int destinationOffset(byte[] p) {
    return v6(p) ? 24 : 16;
  }

  static int addressLength(byte[] p) {
    return v6(p) ? 16 : 4;
  }

  static InetAddress source(byte[] p) {
    return v6(p) ? Wire.inet6(p, 8) : Wire.inet4(p, 12);
  }

  static InetAddress destination(byte[] p) {
    return v6(p) ? Wire.inet6(p, 24) : Wire.inet4(p, 16);
  }

  /** IPv6 routers never fragment (RFC 8200 §5); IPv4 only when DF is clear. */
  static boolean mayFragment(byte[] p) {
    return !v6(p) && (p[6] & 0x40) == 0;
  }

  /** Forwarding: one less TTL / hop limit, the IPv4 header checksum patched (RFC 1624). */
  static void decrementTtl(byte[] p) {
    if (v6(p)) {
      p[7]--;
      return;
    }
    int oldWord = Wire.u16(p, 8);
    p[8]--;
    patch(p, 10, oldWord, Wire.u16(p, 8));
  }

  /** Re-marks the DSCP (upper six bits of TOS / traffic class), ECN kept, checksum patched. */
  static void setDscp(byte[] p, int dscp) {
    if (v6(p)) {
      int word = Wire.u16(p, 0);
      int trafficClass = dscp << 2 | (word >>> 4) & 0x3;
      Wire.put16(p, 0, word & 0xf00f | trafficClass << 4);
      return;
    }
    int oldWord = Wire.u16(p, 0);
    p[1] = (byte) (dscp << 2 | p[1] & 0x3);
    patch(p, 10, oldWord, Wire.u16(p, 0));
  }

  /**
   * Replaces the 16-bit word at {@code checksumAt} so the checksum stays right after a covered
   * word changed from {@code oldWord} to {@code newWord}: RFC 1624 eqn. 3, HC' = ~(~HC + ~m + m').
   */
  static void patch(byte[] p, int checksumAt, int oldWord, int newWord) {
    long sum = (~Wire.u16(p, checksumAt) & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
    sum = (sum & 0xffff) + (sum >>> 16);
    sum = (sum & 0xffff) + (sum >>> 16);
    Wire.put16(p, checksumAt, (int) (~sum & 0xffff));
  }

  /**
   * Writes {@code bytes} (an even number) at {@code at}, patching every checksum that covers them:
   * {@code checksums} are offsets of checksum fields in {@code p}, negative ones are skipped, and a
   * UDP checksum of 0 ("none", IPv4 only) is left alone as Linux NAT does.
   */
  static void rewrite(byte[] p, int at, byte[] bytes, int... checksums) {
    for (int i = 0; i < bytes.length; i += 2) {
      int oldWord = Wire.u16(p, at + i);
      int newWord = (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
      for (int c : checksums) {
        if (c >= 0 && c + 2 <= p.length) {
          patch(p, c, oldWord, newWord);
        }
      }
      Wire.put16(p, at + i, newWord);
    }
  }

  static byte[] word(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }
}
