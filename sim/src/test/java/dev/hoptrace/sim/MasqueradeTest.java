package dev.hoptrace.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MasqueradeTest {
  private static final Inet4Address CLIENT = v4("198.18.1.1");
  private static final Inet4Address OUTSIDE = v4("198.18.2.1");
  private static final Inet4Address ROUTER = v4("198.18.3.2");
  private static final Inet4Address TARGET = v4("198.18.4.2");

  @Test
  void quoteInAnIcmpErrorIsTranslatedBackToTheProbeTheClientSent() {
    VirtualClock clock = new VirtualClock(0);
    Masquerade nat = new Masquerade(clock, 42);
    byte[] probe = udpProbe(1);
    byte[] onWire = probe.clone();

    nat.outbound(onWire, OUTSIDE);
    // What left the NAT: our address and another port, checksums still right.
    assertThat(Datagram.source(onWire)).isEqualTo(OUTSIDE);
    assertThat(Wire.u16(onWire, 20)).isNotEqualTo(Wire.u16(probe, 20));
    assertThat(Checksum.of(onWire, 0, 20)).isZero();
    assertThat(Checksum.transport(OUTSIDE, TARGET, 17, onWire, 20, onWire.length - 20)).isZero();

    // A router further on quotes the translated probe to the NAT's address.
    byte[] error = IcmpErrorEncoder.ipv4Packet(ROUTER, OUTSIDE, 63, 7,
        IcmpErrorEncoder.timeExceededV4(onWire, IcmpExtensions.NONE));
    assertThat(nat.inbound(error)).isTrue();

    assertThat(Datagram.destination(error)).isEqualTo(CLIENT);
    assertThat(Arrays.copyOfRange(error, 28, error.length)).as("quote").isEqualTo(probe);
    assertThat(Checksum.of(error, 0, 20)).isZero();
    assertThat(Checksum.of(error, 20, error.length - 20)).as("ICMP checksum").isZero();
  }

  @Test
  void mappingsExpireSoALongRunDoesNotGrowTheTable() {
    VirtualClock clock = new VirtualClock(0);
    Masquerade nat = new Masquerade(clock, 1);
    for (int port = 40000; port < 41000; port++) {
      byte[] p = udpProbe(5);
      Wire.put16(p, 20, port);
      Wire.put16(p, 26, 0); // no checksum: left alone by the NAT
      nat.outbound(p, OUTSIDE);
    }
    assertThat(nat.size()).isEqualTo(1000);
    clock.advanceTo(31_000_000_000L);
    assertThat(nat.size()).isZero();
  }

  private static byte[] udpProbe(int ttl) {
    byte[] udp = Udp.encode(CLIENT, TARGET, 45000, 33434, new byte[32]);
    return new Ipv4Header(0, 20 + udp.length, 0x1234, 0, 0, ttl, 17, 0, CLIENT, TARGET, 0)
        .encodeWith(udp);
  }

  private static Inet4Address v4(String text) {
    return (Inet4Address) InetAddress.ofLiteral(text);
  }
}
