package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * {@code ee_rfc4884} written field by field ({@code u16 len, u8 flags, u8 reserved} at
 * sock_extended_err + 12), so the test holds on either byte order.
 */
class SockExtendedErrRfc4884Test {

  private static SockExtendedErr entry(int len, int flags) throws Exception {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment ee = arena.allocate(32, 8);
      ee.set(JAVA_BYTE, 4, (byte) LinuxConstants.SO_EE_ORIGIN_ICMP);
      ee.set(JAVA_BYTE, 5, (byte) 11);
      ee.set(JAVA_SHORT, 12, (short) len);
      ee.set(JAVA_BYTE, 14, (byte) flags);
      ee.set(JAVA_BYTE, 15, (byte) 0xff); // reserved: must not leak into len or flags
      SockAddr.write(ee.asSlice(16), InetAddress.getByName("192.0.2.1"), 0);
      return SockExtendedErr.read(ee);
    }
  }

  @Test
  void readsLengthAndFlags() throws Exception {
    SockExtendedErr ee = entry(100, 0);
    assertThat(ee.rfc4884Offset()).isEqualTo(100);
    assertThat(ee.rfc4884Flags()).isZero();
    assertThat(ee.rfc4884Invalid()).isFalse();
  }

  @Test
  void readsTheInvalidFlag() throws Exception {
    SockExtendedErr ee = entry(100, LinuxConstants.SO_EE_RFC4884_FLAG_INVALID);
    assertThat(ee.rfc4884Offset()).isEqualTo(100);
    assertThat(ee.rfc4884Invalid()).isTrue();
  }

  @Test
  void readsALengthAboveThe15BitRangeUnsigned() throws Exception {
    assertThat(entry(0xfffc, 0).rfc4884Offset()).isEqualTo(0xfffc);
  }
}
