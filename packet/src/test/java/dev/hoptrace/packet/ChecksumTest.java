package dev.hoptrace.packet;

import static dev.hoptrace.packet.Captures.hex;
import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksumTest {

  @Test
  void rfc1071WorkedExample() {
    // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (after folding the carry).
    assertThat(Checksum.of(hex("0001f203f4f5f6f7"), 0, 8)).isEqualTo(~0xddf2 & 0xffff);
  }

  @Test
  void oddLengthPadsTheLastByteWithZero() {
    assertThat(Checksum.of(hex("0001f203f4f5f6f7ab"), 0, 9))
        .isEqualTo(Checksum.of(hex("0001f203f4f5f6f7ab00"), 0, 10));
  }

  @Test
  void capturedIpv4HeaderVerifies() {
    assertThat(Checksum.of(packet("v4-time-exceeded-udp"), 0, 20)).isZero();
  }

  @Test
  void capturedUdpProbeVerifiesWithIpv4PseudoHeader() {
    byte[] p = packet("v4-udp-probe-ttl1");
    assertThat(Checksum.transport(ip("10.99.1.2"), ip("10.99.2.2"), 17, p, 20, 40)).isZero();
  }

  @Test
  void capturedTcpSynVerifiesWithIpv6PseudoHeader() {
    byte[] p = packet("v6-tcp-syn-probe");
    assertThat(Checksum.transport(ip("fd99:1::2"), ip("fd99:2::2"), 6, p, 40, p.length - 40))
        .isZero();
  }

  @Test
  void mixedFamiliesAreRejected() {
    assertThatThrownBy(() -> Checksum.pseudoHeaderSum(ip("10.0.0.1"), ip("::1"), 17, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compensationMakesUdpChecksumAnyWantedValue() {
    Inet4Address src = (Inet4Address) ip("192.0.2.1");
    Inet4Address dst = (Inet4Address) ip("198.51.100.7");
    SplittableRandom random = new SplittableRandom(42);
    for (int wanted = 1; wanted <= 0xffff; wanted += 7) {
      byte[] payload = new byte[2 + random.nextInt(30)];
      for (int i = 2; i < payload.length; i++) {
        payload[i] = (byte) random.nextInt(256);
      }
      byte[] datagram = Udp.encode(src, dst, 40000 + wanted % 1000, 33434, payload);
      // Slot = first two payload bytes (offset 8: even). Zero checksum and slot, recompute.
      Wire.put16(datagram, 6, 0);
      int base = Checksum.transport(src, dst, 17, datagram, 0, datagram.length);
      Wire.put16(datagram, 8, Checksum.compensation(base, wanted));
      Wire.put16(datagram, 6, wanted);

      assertThat(Checksum.transport(src, dst, 17, datagram, 0, datagram.length))
          .as("wanted %04x", wanted).isZero();
    }
  }

  @Test
  void compensationWorksForIcmpV6EchoAndEveryWantedValueOfOneByteRange() {
    Inet6Address src = (Inet6Address) ip("2001:db8::1");
    Inet6Address dst = (Inet6Address) ip("2001:db8::2");
    for (int wanted = 0; wanted <= 0xffff; wanted += 251) {
      byte[] m = IcmpV6.echoRequest(src, dst, 0x1234, 7, new byte[] {0, 0, 9, 9});
      Wire.put16(m, 2, 0);
      int base = Checksum.transport(src, dst, 58, m, 0, m.length);
      Wire.put16(m, 8, Checksum.compensation(base, wanted));
      Wire.put16(m, 2, wanted);

      assertThat(Checksum.transport(src, dst, 58, m, 0, m.length)).isZero();
    }
  }

  @Test
  void udpChecksumZeroIsSentAsAllOnes() {
    // Find a payload whose computed checksum is 0, then check it is sent as 0xffff (RFC 768).
    Inet4Address a = (Inet4Address) ip("192.0.2.1");
    byte[] d = Udp.encode(a, a, 1, 2, new byte[2]);
    Wire.put16(d, 6, 0);
    int base = Checksum.transport(a, a, 17, d, 0, d.length);
    Wire.put16(d, 8, Checksum.compensation(base, 0));
    byte[] payload = {d[8], d[9]};

    assertThat(Udp.encode(a, a, 1, 2, payload)).satisfies(
        u -> assertThat(Wire.u16(u, 6)).isEqualTo(0xffff));
  }

  @Test
  void updateAfterAnAddressChangeEqualsSummingAgainAndUndoes() {
    SplittableRandom random = new SplittableRandom(5837);
    for (int i = 0; i < 200; i++) {
      byte[] payload = new byte[2 + random.nextInt(40)];
      random.nextBytes(payload);
      byte[] inside = new byte[4];
      byte[] outside = new byte[4];
      random.nextBytes(inside);
      random.nextBytes(outside);
      Inet4Address src = v4(inside);
      Inet4Address nat = v4(outside);
      Inet4Address dst = (Inet4Address) ip("198.18.3.2");
      int sent = Wire.u16(Udp.encode(src, dst, 40000, 53, payload), 6);
      int rewritten = Wire.u16(Udp.encode(nat, dst, 40000, 53, payload), 6);

      int updated = Checksum.update(sent, inside, outside);

      // 0 and 0xffff are the same one's complement number; UDP sends a computed 0 as 0xffff
      assertThat(updated == 0 ? 0xffff : updated).isEqualTo(rewritten);
      int undone = Checksum.update(rewritten, outside, inside);
      assertThat(undone == 0 ? 0xffff : undone).isEqualTo(sent);
    }
  }

  private static Inet4Address v4(byte[] address) {
    try {
      return (Inet4Address) java.net.InetAddress.getByAddress(address);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
