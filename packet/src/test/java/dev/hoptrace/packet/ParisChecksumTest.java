package dev.hoptrace.packet;

import static dev.hoptrace.packet.Captures.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParisChecksumTest {
  private static final byte[] PATTERN = pattern(32);

  @ParameterizedTest(name = "ipv6={0}")
  @ValueSource(booleans = {false, true})
  void everyUdpIdentityIsTheChecksumOfAValidDatagramAndComesBackFromTheSlot(boolean v6) {
    InetAddress src = ip(v6 ? "2001:db8::1" : "198.18.1.1");
    InetAddress dst = ip(v6 ? "2001:db8:7::2" : "198.18.7.2");
    for (int identity = 0; identity <= 0xffff; identity++) {
      byte[] d = ParisChecksum.udp(src, dst, 40001, 33434, PATTERN, identity);

      assertThat(Checksum.transport(src, dst, 17, d, 0, d.length)).as("valid %d", identity)
          .isZero();
      int field = Wire.u16(d, 6);
      assertThat(field).isEqualTo(identity == 0 ? 0xffff : identity);
      assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, d, 8, d.length - 8))
          .as("from the quoted payload %d", identity).isEqualTo(field);
      // What balancers hash and what the destination reads stay put: ports, length, the rest.
      assertThat(Arrays.copyOfRange(d, 0, 6)).isEqualTo(
          Arrays.copyOfRange(ParisChecksum.udp(src, dst, 40001, 33434, PATTERN, 1), 0, 6));
      assertThat(Arrays.copyOfRange(d, 10, d.length)).isEqualTo(
          Arrays.copyOfRange(PATTERN, 2, PATTERN.length));
    }
  }

  @Test
  void aQuoteTooShortOrNotOurPayloadCarriesNoIdentity() {
    InetAddress src = ip("198.18.1.1");
    InetAddress dst = ip("198.18.7.2");
    byte[] d = ParisChecksum.udp(src, dst, 40001, 33434, PATTERN, 1234);

    assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, d, 8, 2))
        .as("the slot alone").isEqualTo(1234);
    assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, d, 8, 1)).isEqualTo(-1);
    assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, d, 8, 0)).isEqualTo(-1);
    byte[] padded = new byte[128]; // a router quoted the UDP header only, then padded
    assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, padded, 0, 128))
        .isEqualTo(-1);
    byte[] longer = java.util.Arrays.copyOf(d, d.length + 40); // extensions after the payload
    assertThat(ParisChecksum.udpIdentity(src, dst, 40001, 33434, PATTERN, longer, 8, 72))
        .isEqualTo(1234);
  }

  @Test
  void aKernelComputingTheUdpChecksumOfTheSamePayloadGetsTheIdentity() {
    // Unprivileged sockets hand the kernel only the payload; it computes the checksum itself.
    InetAddress src = ip("198.18.1.1");
    InetAddress dst = ip("198.18.7.2");
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 2000; n++) {
      int identity = 1 + random.nextInt(0xfffe);
      byte[] d = ParisChecksum.udp(src, dst, 50000, 33434, PATTERN, identity);
      byte[] payload = Arrays.copyOfRange(d, 8, d.length);

      assertThat(Wire.u16(Udp.encode(src, dst, 50000, 33434, payload), 6)).isEqualTo(identity);
    }
  }

  @Test
  void echoChecksumHeldForEverySequence() {
    int held = 0xfffe - 3;
    for (int sequence = 0; sequence <= 0xffff; sequence++) {
      byte[] echo = IcmpV4.echoRequest(0x1234, sequence, PATTERN);
      ParisChecksum.holdEcho(echo, held);

      assertThat(Wire.u16(echo, 2)).isEqualTo(held);
      assertThat(Checksum.of(echo, 0, echo.length)).as("valid at %d", sequence).isZero();
      assertThat(IcmpV4.echoRequest(0x1234, sequence, Arrays.copyOfRange(echo, 8, echo.length)))
          .as("a kernel computing it gets the same").isEqualTo(echo);
    }
  }

  @Test
  void icmpV6EchoChecksumHeldWithItsPseudoHeader() {
    Inet6Address src = (Inet6Address) ip("2001:db8::1");
    Inet6Address dst = (Inet6Address) ip("2001:db8:7::2");
    for (int held : new int[] {0, 1, 0x8000, 0xfffe}) {
      for (int sequence = 0; sequence <= 0xffff; sequence += 97) {
        byte[] echo = IcmpV6.echoRequest(src, dst, 77, sequence, PATTERN);
        ParisChecksum.holdEcho(echo, held);

        assertThat(Wire.u16(echo, 2)).isEqualTo(held);
        assertThat(Checksum.transport(src, dst, 58, echo, 0, echo.length)).isZero();
        assertThat(IcmpV6.echoRequest(src, dst, 77, sequence,
            Arrays.copyOfRange(echo, 8, echo.length))).isEqualTo(echo);
      }
    }
  }

  @Test
  void refusesWhatCannotBeHeld() {
    assertThatThrownBy(() -> ParisChecksum.holdEcho(IcmpV4.echoRequest(1, 1, PATTERN), 0xffff))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParisChecksum.holdEcho(IcmpV4.echoRequest(1, 1, new byte[1]), 5))
        .hasMessageContaining("2 data bytes");
    assertThatThrownBy(() -> ParisChecksum.udp(ip("198.18.1.1"), ip("198.18.1.2"), 1, 2,
        new byte[1], 5)).hasMessageContaining("2 bytes");
  }

  private static byte[] pattern(int length) {
    byte[] p = new byte[length];
    for (int i = 0; i < length; i++) {
      p[i] = (byte) (0x40 + i % 0x40);
    }
    return p;
  }
}
