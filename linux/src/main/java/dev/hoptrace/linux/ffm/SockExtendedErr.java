package dev.hoptrace.linux.ffm;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

/**
 * {@code struct sock_extended_err} (linux/errqueue.h, <a
 * href="https://man7.org/linux/man-pages/man7/ip.7.html">ip(7)</a> IP_RECVERR) followed by the
 * offender address ({@code SO_EE_OFFENDER}).
 *
 * @param errno the errno the kernel mapped the error to; decode type and code instead
 * @param origin SO_EE_ORIGIN_* (ICMP, ICMP6, LOCAL, TIMESTAMPING)
 * @param type the ICMP type
 * @param code the ICMP code
 * @param info next-hop MTU for Fragmentation Needed / Packet Too Big; SCM_TSTAMP_* for stamps
 * @param data the OPT_ID counter for timestamp entries; for ICMP entries the {@code ee_rfc4884}
 *     union ({@code u16 len, u8 flags, u8 reserved}) as read in native byte order
 * @param offender who sent the ICMP error, or null when the entry has none (family 0)
 */
public record SockExtendedErr(
    int errno, int origin, int type, int code, int info, int data, InetSocketAddress offender) {

  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          JAVA_INT.withName("ee_errno"),
          JAVA_BYTE.withName("ee_origin"),
          JAVA_BYTE.withName("ee_type"),
          JAVA_BYTE.withName("ee_code"),
          JAVA_BYTE.withName("ee_pad"),
          JAVA_INT.withName("ee_info"),
          MemoryLayout.structLayout(
                  JAVA_SHORT.withName("len"),
                  JAVA_BYTE.withName("flags"),
                  JAVA_BYTE.withName("reserved"))
              .withName("ee_rfc4884"));

  private static final long ERRNO = LAYOUT.byteOffset(groupElement("ee_errno"));
  private static final long ORIGIN = LAYOUT.byteOffset(groupElement("ee_origin"));
  private static final long TYPE = LAYOUT.byteOffset(groupElement("ee_type"));
  private static final long CODE = LAYOUT.byteOffset(groupElement("ee_code"));
  private static final long INFO = LAYOUT.byteOffset(groupElement("ee_info"));
  private static final long DATA = LAYOUT.byteOffset(groupElement("ee_rfc4884"));
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  /** Decodes the cmsg data of an IP_RECVERR / IPV6_RECVERR control message. */
  public static SockExtendedErr read(MemorySegment cmsgData) {
    InetSocketAddress offender =
        SockAddr.read(
            cmsgData.asSlice(LAYOUT.byteSize()), cmsgData.byteSize() - LAYOUT.byteSize());
    return new SockExtendedErr(
        cmsgData.get(JAVA_INT, ERRNO),
        cmsgData.get(JAVA_BYTE, ORIGIN) & 0xff,
        cmsgData.get(JAVA_BYTE, TYPE) & 0xff,
        cmsgData.get(JAVA_BYTE, CODE) & 0xff,
        cmsgData.get(JAVA_INT, INFO),
        cmsgData.get(JAVA_INT, DATA),
        offender);
  }

  /** {@code ee_rfc4884.len}: offset of the RFC 4884 extension in the returned payload, or 0. */
  public int rfc4884Offset() {
    // ee_rfc4884.len is the union's first u16: the low half of ee_data only on little-endian.
    return LITTLE_ENDIAN ? data & 0xffff : data >>> 16;
  }

  /** {@code ee_rfc4884.flags}, the union's third byte. */
  public int rfc4884Flags() {
    return (LITTLE_ENDIAN ? data >>> 16 : data >>> 8) & 0xff;
  }

  /** {@code ee_rfc4884.flags & SO_EE_RFC4884_FLAG_INVALID}: the kernel rejected the extension. */
  public boolean rfc4884Invalid() {
    return (rfc4884Flags() & LinuxConstants.SO_EE_RFC4884_FLAG_INVALID) != 0;
  }
}
