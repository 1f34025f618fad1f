package dev.hoptrace.packet;

import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import org.junit.jupiter.api.Test;

class Ipv4HeaderTest {
  private static final Inet4Address SRC = (Inet4Address) ip("192.0.2.1");
  private static final Inet4Address DST = (Inet4Address) ip("198.51.100.2");

  private static Ipv4Header roundTrip(Ipv4Header h) throws MalformedPacketException {
    byte[] out = new byte[h.headerLength()];
    h.encode(out, 0);
    assertThat(Checksum.of(out, 0, out.length)).as("header checksum verifies").isZero();
    Ipv4Header back = Ipv4Header.decode(out, 0, out.length);
    assertThat(back.withChecksum(0)).isEqualTo(h.withChecksum(0));
    return back;
  }

  private static Ipv4Header header(int tos, int flags, int fragmentOffset, int ttl, int protocol,
      int id, int optionsLength) {
    return new Ipv4Header(tos, 20 + optionsLength + 100, id, flags, fragmentOffset, ttl, protocol,
        0, SRC, DST, optionsLength);
  }

  @Test
  void decodesCapturedHeader() throws Exception {
    Ipv4Header h = Ipv4Header.decode(packet("v4-udp-probe-ttl1"), 0, 60);

    assertThat(h).isEqualTo(new Ipv4Header(0, 60, 0xd232, 0, 0, 1, 17,
        Wire.u16(packet("v4-udp-probe-ttl1"), 10),
        (Inet4Address) ip("10.99.1.2"), (Inet4Address) ip("10.99.2.2"), 0));
    assertThat(h.ihl()).isEqualTo(5);
  }

  @Test
  void encoderReproducesCapturedHeader() throws Exception {
    byte[] p = packet("v4-time-exceeded-udp");
    Ipv4Header h = Ipv4Header.decode(p, 0, p.length);
    byte[] out = new byte[20];
    h.encode(out, 0);

    assertThat(out).isEqualTo(java.util.Arrays.copyOf(p, 20));
  }

  @Test
  void roundTripsEveryTos() throws Exception {
    for (int tos = 0; tos <= 255; tos++) {
      assertThat(roundTrip(header(tos, 0, 0, 64, 17, 1, 0)).tos()).isEqualTo(tos);
    }
  }

  @Test
  void roundTripsEveryTtl() throws Exception {
    for (int ttl = 0; ttl <= 255; ttl++) {
      assertThat(roundTrip(header(0, 0, 0, ttl, 17, 1, 0)).ttl()).isEqualTo(ttl);
    }
  }

  @Test
  void roundTripsEveryProtocolFlagsAndFragmentOffset() throws Exception {
    for (int protocol = 0; protocol <= 255; protocol++) {
      roundTrip(header(0, 0, 0, 1, protocol, 1, 0));
    }
    for (int flags = 0; flags <= 7; flags++) {
      Ipv4Header h = roundTrip(header(0, flags, 0, 1, 17, 1, 0));
      assertThat(h.dontFragment()).isEqualTo((flags & 2) != 0);
      assertThat(h.moreFragments()).isEqualTo((flags & 1) != 0);
    }
    for (int offset = 0; offset <= 0x1fff; offset++) {
      roundTrip(header(0, 0b111, offset, 1, 17, 0xffff, 0));
    }
  }

  @Test
  void roundTripsEveryIdentificationAndOptionsLength() throws Exception {
    for (int id = 0; id <= 0xffff; id += 0x101) {
      roundTrip(header(0, 0, 0, 1, 17, id, 0));
    }
    roundTrip(header(0, 0, 0, 1, 17, 0xffff, 0));
    for (int options = 0; options <= 40; options += 4) {
      assertThat(roundTrip(header(0, 0, 0, 1, 17, 1, options)).ihl()).isEqualTo(5 + options / 4);
    }
  }

  @Test
  void headerLengthBelowFiveWordsIsMalformed() {
    byte[] p = packet("v4-udp-probe-ttl1");
    p[0] = 0x44;
    assertThatThrownBy(() -> Ipv4Header.decode(p, 0, p.length))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("IPv4 header length 4 words < 5 at offset 0");
  }

  @Test
  void optionsPastTheBufferAreMalformed() {
    byte[] p = packet("v4-udp-probe-ttl1");
    p[0] = 0x4f;
    assertThatThrownBy(() -> Ipv4Header.decode(p, 0, 40))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("IPv4 header with options needs 60 bytes, 40 available at offset 0");
  }

  @Test
  void totalLengthShorterThanHeaderIsMalformed() {
    byte[] p = packet("v4-udp-probe-ttl1");
    Wire.put16(p, 2, 19);
    assertThatThrownBy(() -> Ipv4Header.decode(p, 0, p.length))
        .hasMessage("IPv4 total length 19 < header length 20 at offset 0");
  }

  @Test
  void wrongVersionIsMalformed() {
    byte[] p = packet("v4-udp-probe-ttl1");
    p[0] = 0x65;
    assertThatThrownBy(() -> Ipv4Header.decode(p, 0, p.length))
        .hasMessage("IP version 6 != 4 at offset 0");
  }

  @Test
  void headerShorterThan20BytesIsMalformed() {
    assertThatThrownBy(() -> Ipv4Header.decode(packet("v4-udp-probe-ttl1"), 0, 19))
        .hasMessage("IPv4 header needs 20 bytes, 19 available at offset 0");
  }

  @Test
  void decodesAtAnOffsetWithoutReadingOutside() throws Exception {
    byte[] p = packet("v4-time-exceeded-udp");
    Ipv4Header quoted = Ipv4Header.decode(p, 28, 20);
    assertThat(quoted.ttl()).isEqualTo(1);
  }
}
