package dev.hoptrace.linux.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The cmsg walk on hand-laid control buffers: what the kernel hands over for an ICMP error. */
class ControlMessagesTest {

  private static long cmsg(MemorySegment c, long at, int level, int type, int dataLen) {
    c.set(JAVA_LONG, at, 16 + dataLen);
    c.set(JAVA_INT, at + 8, level);
    c.set(JAVA_INT, at + 12, type);
    return at + ControlMessages.align(16 + dataLen);
  }

  @Test
  void readsTtlTimestampAndExtendedErrorOfAnIpv4Entry() throws Exception {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment c = arena.allocate(512, 8);
      long at = 0;
      // SCM_TIMESTAMPNS: 12 s + 345 ns
      c.set(JAVA_LONG, at + 16, 12);
      c.set(JAVA_LONG, at + 24, 345);
      at = cmsg(c, at, LinuxConstants.SOL_SOCKET, LinuxConstants.SCM_TIMESTAMPNS, 16);
      c.set(JAVA_INT, at + 16, 61);
      at = cmsg(c, at, LinuxConstants.SOL_IP, LinuxConstants.IP_TTL, 4);
      long ee = at + 16;
      c.set(JAVA_INT, ee, LinuxConstants.EHOSTUNREACH);
      c.set(JAVA_BYTE, ee + 4, (byte) LinuxConstants.SO_EE_ORIGIN_ICMP);
      c.set(JAVA_BYTE, ee + 5, (byte) 11);
      c.set(JAVA_BYTE, ee + 6, (byte) 0);
      c.set(JAVA_INT, ee + 12, 100); // ee_rfc4884.len = 100, flags 0
      SockAddr.write(c.asSlice(ee + 16), InetAddress.getByName("192.0.2.1"), 0);
      at = cmsg(c, at, LinuxConstants.SOL_IP, LinuxConstants.IP_RECVERR, 32);
      assertThat(at).isEqualTo(32 + 24 + 48);

      ControlMessages.Ancillary a = ControlMessages.parse(c, at);

      assertThat(a.ttl()).isEqualTo(61);
      assertThat(a.kernelTime()).isEqualTo(12_000_000_345L);
      assertThat(a.error().type()).isEqualTo(11);
      assertThat(a.error().origin()).isEqualTo(LinuxConstants.SO_EE_ORIGIN_ICMP);
      assertThat(a.error().offender().getAddress())
          .isEqualTo(InetAddress.getByName("192.0.2.1"));
      assertThat(a.error().rfc4884Offset()).isEqualTo(100);
      assertThat(a.error().rfc4884Invalid()).isFalse();
    }
  }

  @Test
  void stopsAtABogusLengthInsteadOfReadingPastTheBuffer() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment c = arena.allocate(64, 8);
      c.set(JAVA_LONG, 0, 4000); // claims more than the buffer holds
      c.set(JAVA_INT, 8, LinuxConstants.SOL_IP);
      c.set(JAVA_INT, 12, LinuxConstants.IP_TTL);
      ControlMessages.Ancillary a = ControlMessages.parse(c, 64);
      assertThat(a.ttl()).isEqualTo(-1);
      assertThat(a.error()).isNull();
      assertThat(ControlMessages.parse(c, 0).kernelTime()).isEqualTo(-1);
    }
  }
}
