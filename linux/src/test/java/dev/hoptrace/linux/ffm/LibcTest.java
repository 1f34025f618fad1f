package dev.hoptrace.linux.ffm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class LibcTest {

  @Test
  void nativeAccessIsEnabledOnTheCommandLineNotJustTolerated() {
    // Checked on the JVM arguments: in the default warn mode any earlier restricted call would
    // mark the module enabled and hide a missing flag.
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .anySatisfy(a -> assertThat(a).startsWith("--enable-native-access="));
    assertThat(Libc.nativeAccessEnabled()).isTrue();
  }

  @Test
  void layoutsHaveTheSizesGlibcUses() {
    LayoutAssertions.check();
    assertThat(MsgHdr.LAYOUT.byteSize()).isEqualTo(56);
    assertThat(SockExtendedErr.LAYOUT.byteSize()).isEqualTo(16);
    assertThat(EpollEvent.LAYOUT.byteSize()).isEqualTo(EpollEvent.EXPECTED_SIZE);
  }

  @Test
  void failingCallNamesTheCallAndItsErrno() {
    assertThatThrownBy(() -> Libc.socket(12345, LinuxConstants.SOCK_DGRAM, 0))
        .isInstanceOfSatisfying(
            ErrnoException.class,
            e -> {
              assertThat(e.call()).isEqualTo("socket");
              assertThat(e.errno()).isEqualTo(LinuxConstants.EAFNOSUPPORT);
              assertThat(e.getMessage()).isEqualTo("socket: EAFNOSUPPORT (Address family not"
                  + " supported by protocol)");
            });
  }

  @Test
  void errnoIsCapturedPerCallNotLeftOverFromAnEarlierOne() throws Exception {
    assertThatThrownBy(() -> Libc.close(-1))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(LinuxConstants.EBADF));
    int fd = Libc.socket(LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM, 0);
    try {
      assertThatThrownBy(() -> Libc.setsockopt(fd, LinuxConstants.SOL_IP, 9999, 1))
          .isInstanceOfSatisfying(
              ErrnoException.class,
              e -> assertThat(e.errno()).isEqualTo(LinuxConstants.ENOPROTOOPT));
    } finally {
      Libc.close(fd);
    }
  }

  @Test
  void emptyQueueReadIsNotAnError() throws Exception {
    int fd =
        Libc.socket(
            LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM | LinuxConstants.SOCK_NONBLOCK, 0);
    try (Arena arena = Arena.ofConfined()) {
      MsgHdr msg = new MsgHdr(arena, 64);
      assertThat(Libc.recvmsg(fd, msg.prepareForReceive(), LinuxConstants.MSG_ERRQUEUE))
          .isEqualTo(-1);
    } finally {
      Libc.close(fd);
    }
  }

  @Test
  void realtimeClockAgreesWithJava() {
    long ours = Libc.clock_gettime(LinuxConstants.CLOCK_REALTIME);
    long javas = System.currentTimeMillis() * 1_000_000L;
    assertThat(Math.abs(ours - javas)).isLessThan(1_000_000_000L);
  }

  @Test
  void sockAddrRoundTripsBothFamilies() throws Exception {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = arena.allocate(SockAddr.STORAGE_SIZE);
      for (String literal : new String[] {"192.0.2.7", "2001:db8::1"}) {
        java.net.InetAddress a = java.net.InetAddress.getByName(literal);
        int len = SockAddr.write(s, a, 33434);
        assertThat(len).isEqualTo(a.getAddress().length == 4 ? 16 : 28);
        assertThat(SockAddr.read(s, len))
            .isEqualTo(new java.net.InetSocketAddress(a, 33434));
      }
      // port is big-endian on the wire: 33434 = 0x829a
      assertThat(s.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2)).isEqualTo((byte) 0x82);
    }
  }
}
