package dev.hoptrace.lab.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import dev.hoptrace.packet.icmp.IcmpMessage;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router hop's decisions on bytes alone: no root, no devices. */
class RouterHopResponderTest {
  private static final List<MplsLabelStackEntry> LABELS =
      List.of(new MplsLabelStackEntry(16005, 0, true, 1));
  private final RouterHopResponder hop = new RouterHopResponder(new RouterHop(
      new RouterHop.Face(v4("198.18.1.2"), (Inet6Address) ip("2001:db8:0:1::2")),
      new RouterHop.Face(v4("198.18.2.1"), null), LABELS));

  @Test
  void expiringProbeIsAnsweredFromTheFaceItCameInOnWithTheLabels() throws Exception {
    Hop.Outcome out = hop.pass(udp(1, "198.18.2.2"), Leg.Side.A, 1500);
    assertThat(out.verdict()).isEqualTo(Hop.Verdict.ANSWER);
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(out.packet(), 0, out.packet().length);
    assertThat(m.type()).isEqualTo(IcmpV4.TIME_EXCEEDED);
    assertThat(((Ipv4Header) m.outer().orElseThrow()).source()).isEqualTo(v4("198.18.1.2"));
    assertThat(((Ipv4Header) m.outer().orElseThrow()).destination())
        .isEqualTo(v4("198.18.1.1"));
    assertThat(m.extensions().mplsLabels()).isEqualTo(LABELS);
  }

  @Test
  void aHopWithInterfaceInformationReportsItAsRfc5837Objects() throws Exception {
    dev.hoptrace.packet.ext.InterfaceInformation incoming =
        new dev.hoptrace.packet.ext.InterfaceInformation(0, java.util.OptionalInt.of(7),
            java.util.Optional.of(ip("198.18.1.2")), java.util.Optional.of("xe-0/0/1"),
            java.util.OptionalInt.of(1500));
    RouterHopResponder named = new RouterHopResponder(new RouterHop(
        new RouterHop.Face(v4("198.18.1.2"), null), new RouterHop.Face(v4("198.18.2.1"), null),
        List.of(), List.of(incoming), 0));

    Hop.Outcome out = named.pass(udp(1, "198.18.2.2"), Leg.Side.A, 1500);

    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(out.packet(), 0, out.packet().length);
    assertThat(m.extensions().interfaces()).containsExactly(incoming);
    assertThat(m.extensions().mplsLabels()).isEmpty();
  }

  @Test
  void aHopThatQuotesEightBytesCutsTheQuoteAfterTheUdpHeader() throws Exception {
    RouterHopResponder minimal = new RouterHopResponder(new RouterHop(
        new RouterHop.Face(v4("198.18.1.2"), null), new RouterHop.Face(v4("198.18.2.1"), null),
        List.of(), List.of(), 8));
    byte[] probe = udp(1, "198.18.2.2");
    Hop.Outcome out = minimal.pass(probe, Leg.Side.A, 1500);
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(out.packet(), 0, out.packet().length);
    assertThat(m.type()).isEqualTo(IcmpV4.TIME_EXCEEDED);
    // 20 (IP) + 8 (ICMP) + 20 (quoted IP header) + 8 (quoted UDP header), nothing more.
    assertThat(out.packet()).hasSize(56);
    assertThat(java.util.Arrays.copyOfRange(out.packet(), 28, 56))
        .isEqualTo(java.util.Arrays.copyOf(probe, 28));
  }

  @Test
  void forwardedPacketLosesOneTtlAndKeepsAValidHeaderChecksum() throws Exception {
    Hop.Outcome out = hop.pass(udp(5, "198.18.2.2"), Leg.Side.A, 1500);
    assertThat(out.verdict()).isEqualTo(Hop.Verdict.FORWARD);
    assertThat(Ipv4Header.decode(out.packet(), 0, out.packet().length).ttl()).isEqualTo(4);
    assertThat(Checksum.of(out.packet(), 0, Ipv4Header.MIN_LENGTH)).isZero();
  }

  @Test
  void neverAnswersAnIcmpErrorNorTrafficForItself() throws Exception {
    byte[] error = hop.pass(udp(1, "198.18.2.2"), Leg.Side.A, 1500).packet();
    byte[] expiringError = error.clone();
    expiringError[8] = 1; // TTL 1; the header checksum no longer matters to the hop
    assertThat(hop.pass(expiringError, Leg.Side.B, 1500).verdict()).isEqualTo(Hop.Verdict.DROP);
    assertThat(hop.pass(udp(5, "198.18.1.2"), Leg.Side.A, 1500).reason())
        .isEqualTo(Count.NOT_FORWARDED);
  }

  @Test
  void tooLongWithDontFragmentGetsTheFarMtuWithoutItIsDropped() throws Exception {
    byte[] probe = udp(5, "198.18.2.2");
    Hop.Outcome noDf = hop.pass(probe, Leg.Side.A, probe.length - 1);
    assertThat(noDf.reason()).isEqualTo(Count.TOO_BIG_DROPPED);
    probe[6] = 0x40; // DF
    probe[10] = 0;
    probe[11] = 0;
    int sum = Checksum.of(probe, 0, Ipv4Header.MIN_LENGTH);
    probe[10] = (byte) (sum >>> 8);
    probe[11] = (byte) sum;
    Hop.Outcome df = hop.pass(probe, Leg.Side.A, probe.length - 1);
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(df.packet(), 0, df.packet().length);
    assertThat(m.mtu()).hasValue(probe.length - 1);
  }

  @Test
  void noAnswerInAFamilyTheFaceHasNoAddressFor() {
    // Face B has no IPv6 address: an expiring IPv6 packet from B goes unanswered.
    byte[] v6 = new dev.hoptrace.packet.Ipv6Header(0, 0, 8, 17, 1,
        (Inet6Address) ip("2001:db8:0:2::2"), (Inet6Address) ip("2001:db8:0:1::1"))
        .encodeWith(new byte[8]);
    assertThat(hop.pass(v6, Leg.Side.B, 1500).verdict()).isEqualTo(Hop.Verdict.DROP);
    assertThat(hop.pass(new byte[] {0x50}, Leg.Side.A, 1500).reason())
        .isEqualTo(Count.MALFORMED);
  }

  private static byte[] udp(int ttl, String destination) {
    Inet4Address src = v4("198.18.1.1");
    Inet4Address dst = v4(destination);
    byte[] datagram = Udp.encode(src, dst, 40000, 33434, new byte[32]);
    return Ipv4Header.of(Ipv4Header.PROTOCOL_UDP, ttl, 7, src, dst, datagram.length)
        .encodeWith(datagram);
  }

  private static Inet4Address v4(String literal) {
    return (Inet4Address) ip(literal);
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
