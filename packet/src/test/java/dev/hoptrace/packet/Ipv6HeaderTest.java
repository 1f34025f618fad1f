package dev.hoptrace.packet;

import static dev.hoptrace.packet.Captures.hex;
import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class Ipv6HeaderTest {
  private static final Inet6Address SRC = (Inet6Address) ip("2001:db8::1");
  private static final Inet6Address DST = Wire.inet6(hex("00000000000000000000ffffc0000201"), 0);

  private static Ipv6Header roundTrip(Ipv6Header h) throws MalformedPacketException {
    byte[] out = new byte[40];
    h.encode(out, 0);
    Ipv6Header back = Ipv6Header.decode(out, 0, 40);
    assertThat(back).isEqualTo(h);
    return back;
  }

  @Test
  void decodesCapturedHeader() throws Exception {
    Ipv6Header h = Ipv6Header.decode(packet("v6-udp-probe-hop1"), 0, 80);

    assertThat(h.hopLimit()).isEqualTo(1);
    assertThat(h.nextHeader()).isEqualTo(17);
    assertThat(h.payloadLength()).isEqualTo(40);
    assertThat(h.source()).isEqualTo(ip("fd99:1::2"));
    assertThat(h.destination()).isEqualTo(ip("fd99:2::2"));
  }

  @Test
  void ipv4MappedAddressStaysIpv6() throws Exception {
    assertThat(roundTrip(new Ipv6Header(0, 0, 0, 17, 1, SRC, DST)).destination())
        .isInstanceOf(Inet6Address.class);
  }

  @Test
  void roundTripsEveryTrafficClassHopLimitAndNextHeader() throws Exception {
    for (int v = 0; v <= 255; v++) {
      roundTrip(new Ipv6Header(v, 0xfffff, 0xffff, 255 - v, v, SRC, DST));
    }
  }

  @Test
  void roundTripsFlowLabelBitByBit() throws Exception {
    roundTrip(new Ipv6Header(0xff, 0, 0, 17, 64, SRC, DST));
    for (int bit = 0; bit < 20; bit++) {
      roundTrip(new Ipv6Header(0, 1 << bit, 1 << (bit % 16), 17, 64, SRC, DST));
    }
    roundTrip(new Ipv6Header(0, 0xfffff, 0, 17, 64, SRC, DST));
  }

  @Test
  void wrongVersionIsMalformed() {
    byte[] p = packet("v6-udp-probe-hop1");
    p[0] = 0x45;
    assertThatThrownBy(() -> Ipv6Header.decode(p, 0, p.length))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("IP version 4 != 6 at offset 0");
  }

  @Test
  void walksHopByHopRoutingAndDestinationOptions() throws Exception {
    // HBH (len 0: 8 bytes) -> Routing (len 1: 16 bytes) -> DestOpts (len 0) -> UDP
    byte[] chain = hex("2b00000000000000" + "3c01000000000000" + "0000000000000000"
        + "1100000000000000" + "a1b2c3d4");
    assertThat(Ipv6ExtensionHeaders.locate(chain, 0, chain.length, 0))
        .isEqualTo(new TransportLocation(17, 32, TransportLocation.Status.PRESENT));
  }

  @Test
  void walksAuthenticationHeaderInFourByteUnits() throws Exception {
    // AH payload length 4 -> (4 + 2) * 4 = 24 bytes, then TCP.
    byte[] chain = new byte[24];
    chain[0] = 6;
    chain[1] = 4;
    assertThat(Ipv6ExtensionHeaders.locate(chain, 0, chain.length, 51))
        .isEqualTo(new TransportLocation(6, 24, TransportLocation.Status.PRESENT));
  }

  @Test
  void chainCutShortIsTruncatedNotMalformed() throws Exception {
    byte[] chain = hex("2b01000000000000" + "00000000");
    assertThat(Ipv6ExtensionHeaders.locate(chain, 0, chain.length, 0).status())
        .isEqualTo(TransportLocation.Status.TRUNCATED);
  }

  @Test
  void moreThanEightExtensionHeadersIsMalformed() {
    byte[] chain = new byte[9 * 8];
    for (int i = 0; i < chain.length; i += 8) {
      chain[i] = 60;
    }
    assertThatThrownBy(() -> Ipv6ExtensionHeaders.locate(chain, 0, chain.length, 60))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("more than 8 IPv6 extension headers at offset 64");
  }

  @Test
  void nonFirstFragmentHasNoTransportHeader() throws Exception {
    byte[] fragment = hex("11000009" + "12345678"); // offset 1 (8 bytes), M=1
    assertThat(Ipv6ExtensionHeaders.locate(fragment, 0, 8, 44))
        .isEqualTo(new TransportLocation(17, 8, TransportLocation.Status.NOT_FIRST_FRAGMENT));
  }
}
