package dev.hoptrace.packet;

import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** UDP, TCP, ICMP and ICMPv6 headers: captured bytes, encoders, round-trips, odd cases. */
class TransportHeadersTest {
  private static final Inet4Address A4 = (Inet4Address) ip("10.99.1.2");
  private static final Inet4Address B4 = (Inet4Address) ip("10.99.2.2");
  private static final Inet6Address A6 = (Inet6Address) ip("fd99:1::2");
  private static final Inet6Address B6 = (Inet6Address) ip("fd99:2::2");

  @Test
  void udpEncoderReproducesCapturedProbe() throws Exception {
    byte[] p = packet("v4-udp-probe-ttl1");
    Udp h = Udp.decode(p, 20, 40);

    byte[] built = Udp.encode(A4, B4, h.sourcePort(), h.destinationPort(),
        Arrays.copyOfRange(p, 28, 60));
    assertThat(built).isEqualTo(Arrays.copyOfRange(p, 20, 60));
  }

  @Test
  void udpEncoderReproducesCapturedIpv6Probe() throws Exception {
    byte[] p = packet("v6-udp-probe-hop1");
    Udp h = Udp.decode(p, 40, 40);

    assertThat(Udp.encode(A6, B6, h.sourcePort(), h.destinationPort(),
        Arrays.copyOfRange(p, 48, 80))).isEqualTo(Arrays.copyOfRange(p, 40, 80));
  }

  @Test
  void tcpSynRoundTripsAndReproducesCapturedProbe() throws Exception {
    for (String name : new String[] {"v4-tcp-syn-probe", "v6-tcp-syn-probe"}) {
      byte[] p = packet(name);
      int ipLength = name.startsWith("v4") ? 20 : 40;
      Tcp syn = Tcp.decode(p, ipLength, p.length - ipLength);
      assertThat(syn.has(Tcp.SYN)).isTrue();
      assertThat(syn.dataOffset()).isEqualTo(10);

      byte[] built = syn.encode(name.startsWith("v4") ? A4 : A6, name.startsWith("v4") ? B4 : B6,
          new byte[0]);
      assertThat(built).isEqualTo(Arrays.copyOfRange(p, ipLength, p.length));
    }
  }

  @Test
  void tcpRoundTripsEveryFlagAndReservedValue() throws Exception {
    for (int flags = 0; flags <= 255; flags++) {
      for (int reserved = 0; reserved <= 15; reserved += 5) {
        Tcp t = new Tcp(1, 65535, 0xffffffffL, flags, reserved, flags, 65535 - flags, 0, flags,
            new byte[4 * (flags % 11)]);
        byte[] b = t.encode(A4, B4, new byte[] {1, 2, 3});
        Tcp back = Tcp.decode(b, 0, b.length);
        assertThat(Checksum.transport(A4, B4, 6, b, 0, b.length)).isZero();
        assertThat(new Tcp(back.sourcePort(), back.destinationPort(), back.sequence(),
            back.acknowledgment(), back.reserved(), back.flags(), back.window(), 0,
            back.urgentPointer(), back.options())).isEqualTo(t);
      }
    }
  }

  @Test
  void tcpDataOffsetBelowFiveIsMalformed() {
    byte[] p = packet("v4-tcp-syn-probe");
    p[32] = 0x40;
    assertThatThrownBy(() -> Tcp.decode(p, 20, 40))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("TCP data offset 4 words < 5 at offset 20");
  }

  @Test
  void tcpOptionsPastTheBufferAreMalformed() {
    assertThatThrownBy(() -> Tcp.decode(packet("v4-tcp-syn-probe"), 20, 30))
        .hasMessage("TCP header with options needs 40 bytes, 30 available at offset 20");
  }

  @Test
  void icmpEchoRequestReproducesCapturedPing() throws Exception {
    byte[] p = packet("v4-echo-request-ttl1");
    IcmpV4 h = IcmpV4.decode(p, 20, 64);

    assertThat(IcmpV4.echoRequest(h.echoIdentifier(), h.echoSequence(),
        Arrays.copyOfRange(p, 28, 84))).isEqualTo(Arrays.copyOfRange(p, 20, 84));
  }

  @Test
  void icmpV6EchoRequestReproducesCapturedPing() throws Exception {
    byte[] p = packet("v6-echo-request-hop1");
    IcmpV6 h = IcmpV6.decode(p, 40, 64);

    assertThat(IcmpV6.echoRequest(A6, B6, h.echoIdentifier(), h.echoSequence(),
        Arrays.copyOfRange(p, 48, 104))).isEqualTo(Arrays.copyOfRange(p, 40, 104));
  }

  @Test
  void icmpRoundTripsEveryTypeAndCode() throws Exception {
    for (int type = 0; type <= 255; type++) {
      for (int code = 0; code <= 255; code += 17) {
        byte[] v4 = IcmpV4.encode(type, code, 0x01020304, new byte[] {9});
        assertThat(Checksum.of(v4, 0, v4.length)).isZero();
        assertThat(IcmpV4.decode(v4, 0, v4.length))
            .isEqualTo(new IcmpV4(type, code, Wire.u16(v4, 2), 0x01020304));
        byte[] v6 = IcmpV6.encode(A6, B6, type, code, 0xfffffffe, new byte[0]);
        assertThat(Checksum.transport(A6, B6, 58, v6, 0, v6.length)).isZero();
        assertThat(IcmpV6.decode(v6, 0, 8))
            .isEqualTo(new IcmpV6(type, code, Wire.u16(v6, 2), 0xfffffffe));
      }
    }
  }

  @Test
  void icmpHeaderFieldReadings() {
    IcmpV4 fragNeeded = new IcmpV4(3, 4, 0, 0x0020_0578);
    assertThat(fragNeeded.nextHopMtu()).isEqualTo(1400);
    assertThat(fragNeeded.lengthAttribute()).isEqualTo(32);
    IcmpV6 tooBig = new IcmpV6(2, 0, 0, 0xffff_ffff);
    assertThat(tooBig.mtu()).isEqualTo(0xffff_ffffL);
    assertThat(new IcmpV6(3, 0, 0, 0x1000_0000).lengthAttribute()).isEqualTo(16);
  }

  @Test
  void shortHeadersAreMalformed() {
    byte[] seven = new byte[7];
    assertThatThrownBy(() -> Udp.decode(seven, 0, 7))
        .hasMessage("UDP header needs 8 bytes, 7 available at offset 0");
    assertThatThrownBy(() -> IcmpV4.decode(seven, 0, 7))
        .hasMessage("ICMP header needs 8 bytes, 7 available at offset 0");
    assertThatThrownBy(() -> IcmpV6.decode(seven, 0, 7))
        .hasMessage("ICMPv6 header needs 8 bytes, 7 available at offset 0");
  }
}
