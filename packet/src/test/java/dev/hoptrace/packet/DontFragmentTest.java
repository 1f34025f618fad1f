package dev.hoptrace.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Setting DF on an encoded probe, as path MTU discovery does, keeps the header valid. */
class DontFragmentTest {

  @Test
  void setsOnlyDfAndTheChecksumStaysValid() throws Exception {
    Ipv4Header h = new Ipv4Header(0, 28, 0x1234, 0, 0, 5, Ipv4Header.PROTOCOL_UDP, 0,
        (Inet4Address) InetAddress.ofLiteral("198.18.1.1"),
        (Inet4Address) InetAddress.ofLiteral("198.18.4.2"), 0);
    byte[] packet = h.encodeWith(new byte[8]);

    Ipv4Header.setDontFragment(packet);

    Ipv4Header decoded = Ipv4Header.decode(packet, 0, packet.length);
    assertThat(decoded.dontFragment()).isTrue();
    assertThat(decoded.moreFragments()).isFalse();
    assertThat(decoded.identification()).isEqualTo(0x1234);
    assertThat(decoded.ttl()).isEqualTo(5);
    assertThat(Checksum.of(packet, 0, Ipv4Header.MIN_LENGTH)).isZero(); // sums to 0xffff
    assertThat(packet[6] & 0xff).isEqualTo(0x40); // flags 010, offset 0 (RFC 791 §3.1)
  }
}
