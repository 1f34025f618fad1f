package dev.hoptrace.packet.ext;

import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * RFC 5837 §4 interface information objects (class 2). The C-Type says which sub-objects follow,
 * in this order: ifIndex (4 bytes), IP address, name, MTU (4 bytes).
 *
 * <pre>
 * C-Type:  bit 0 1 | 2 3  |    4    |   5    |  6   |  7
 *          role    | rsvd | ifIndex | IPAddr | name | MTU
 *
 * IP address sub-object (§4.2):          name sub-object (§4.3):
 * +-------------------+-----------+      +--------+---------------------+
 * |   AFI (1 or 2)    | Reserved  |      | length | UTF-8 name, padded  |
 * +-------------------+-----------+      +--------+---------------------+
 * |   IPv4 or IPv6 address ...    |      length counts itself: 4..64, a multiple of 4
 * </pre>
 */
final class InterfaceInformationCodec {
  static final int AFI_IPV4 = 1;
  static final int AFI_IPV6 = 2;
  private static final int IFINDEX = 0x08;
  private static final int IPADDR = 0x04;
  private static final int NAME = 0x02;
  private static final int MTU = 0x01;

  private InterfaceInformationCodec() {}

  static InterfaceInformation decode(int cType, byte[] b, int off, int len)
      throws MalformedPacketException {
    int end = off + len;
    int pos = off;
    OptionalInt ifIndex = OptionalInt.empty();
    Optional<InetAddress> address = Optional.empty();
    Optional<String> name = Optional.empty();
    OptionalInt mtu = OptionalInt.empty();
    if ((cType & IFINDEX) != 0) {
      Wire.require(end - pos, 4, "RFC 5837 ifIndex", pos);
      ifIndex = OptionalInt.of(Wire.i32(b, pos));
      pos += 4;
    }
    if ((cType & IPADDR) != 0) {
      Wire.require(end - pos, 4, "RFC 5837 IP address sub-object", pos);
      int afi = Wire.u16(b, pos);
      int size = switch (afi) {
        case AFI_IPV4 -> 4;
        case AFI_IPV6 -> 16;
        default -> throw new MalformedPacketException(
            "RFC 5837 address family " + afi + " is neither 1 nor 2 at offset " + pos);
      };
      Wire.require(end - pos, 4 + size, "RFC 5837 IP address sub-object", pos);
      address = Optional.of(size == 4 ? Wire.inet4(b, pos + 4) : Wire.inet6(b, pos + 4));
      pos += 4 + size;
    }
    if ((cType & NAME) != 0) {
      Wire.require(end - pos, 1, "RFC 5837 name sub-object", pos);
      int length = Wire.u8(b, pos);
      if (length == 0) { // the length counts its own octet (RFC 5837 §4.3)
        throw new MalformedPacketException("RFC 5837 name length 0 at offset " + pos);
      }
      Wire.require(end - pos, length, "RFC 5837 name sub-object", pos);
      int nameEnd = pos + length;
      while (nameEnd > pos + 1 && b[nameEnd - 1] == 0) { // strip the NUL padding
        nameEnd--;
      }
      name = Optional.of(new String(b, pos + 1, nameEnd - pos - 1, StandardCharsets.UTF_8));
      pos += length;
    }
    if ((cType & MTU) != 0) {
      Wire.require(end - pos, 4, "RFC 5837 MTU", pos);
      mtu = OptionalInt.of(Wire.i32(b, pos));
      pos += 4;
    }
    if (pos != end) {
      throw new MalformedPacketException("RFC 5837 object has " + (end - pos)
          + " bytes its C-Type does not account for at offset " + pos);
    }
    return new InterfaceInformation(cType >>> 6, ifIndex, address, name, mtu);
  }

  /** The C-Type byte and the payload of {@code info}. */
  static int cType(InterfaceInformation info) {
    if (info.role() < 0 || info.role() > 3) {
      throw new IllegalArgumentException("interface role " + info.role() + " outside 0..3");
    }
    return info.role() << 6 | (info.ifIndex().isPresent() ? IFINDEX : 0)
        | (info.address().isPresent() ? IPADDR : 0) | (info.name().isPresent() ? NAME : 0)
        | (info.mtu().isPresent() ? MTU : 0);
  }

  static byte[] payload(InterfaceInformation info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] word = new byte[4];
    info.ifIndex().ifPresent(i -> {
      Wire.put32(word, 0, i & 0xffffffffL);
      out.writeBytes(word);
    });
    info.address().ifPresent(a -> {
      Wire.put16(word, 0, a instanceof Inet4Address ? AFI_IPV4 : AFI_IPV6);
      Wire.put16(word, 2, 0);
      out.writeBytes(word);
      out.writeBytes(a.getAddress());
    });
    info.name().ifPresent(n -> {
      byte[] utf8 = n.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > 63) {
        throw new IllegalArgumentException("interface name longer than 63 bytes: " + n);
      }
      int length = (utf8.length + 1 + 3) / 4 * 4;
      byte[] sub = new byte[length];
      sub[0] = (byte) length;
      System.arraycopy(utf8, 0, sub, 1, utf8.length);
      out.writeBytes(sub);
    });
    info.mtu().ifPresent(m -> {
      Wire.put32(word, 0, m & 0xffffffffL);
      out.writeBytes(word);
    });
    return out.toByteArray();
  }
}
