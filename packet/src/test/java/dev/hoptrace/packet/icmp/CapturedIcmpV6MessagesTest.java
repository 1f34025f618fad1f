package dev.hoptrace.packet.icmp;

import static dev.hoptrace.packet.Captures.icmpV6;
import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Ipv6Header;
import dev.hoptrace.packet.TransportLocation;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.quote.QuotedIcmp;
import dev.hoptrace.packet.quote.QuotedOpaque;
import dev.hoptrace.packet.quote.QuotedTcp;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.net.Inet6Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ICMPv6 replies captured from Linux 6.18 routers, as an ICMPv6 raw socket delivers them. */
class CapturedIcmpV6MessagesTest {

  private static IcmpMessage decode(String name) throws Exception {
    byte[] m = icmpV6(name);
    return IcmpMessageDecoder.decodeIcmpV6(m, 0, m.length);
  }

  @Test
  void timeExceededQuotingUdpProbe() throws Exception {
    IcmpMessage m = decode("v6-time-exceeded-udp");

    assertThat(m.outer()).isEmpty();
    assertThat(m.version()).isEqualTo(6);
    assertThat(m.type()).isEqualTo(3);
    assertThat(m.code()).isZero();
    var quote = m.quote().orElseThrow();
    Ipv6Header quoted = (Ipv6Header) quote.ip();
    assertThat(quoted.hopLimit()).isEqualTo(1);
    assertThat(quoted.source()).isEqualTo(ip("fd99:1::2"));
    assertThat(quoted.destination()).isEqualTo(ip("fd99:2::2"));
    assertThat(quote.transport()).isInstanceOf(QuotedUdp.class);
    assertThat(((QuotedUdp) quote.transport()).sourcePort()).isEqualTo(36028);
    assertThat(((QuotedUdp) quote.transport()).destinationPort()).isEqualTo(33434);
    assertThat(quote.isComplete()).isTrue();
  }

  @Test
  void portUnreachableFromTarget() throws Exception {
    IcmpMessage m = decode("v6-port-unreachable");

    assertThat(m.type()).isEqualTo(1);
    assertThat(m.code()).isEqualTo(4);
    assertThat(((QuotedUdp) m.quote().orElseThrow().transport()).destinationPort())
        .isEqualTo(33435);
  }

  @Test
  void timeExceededQuotingEchoRequest() throws Exception {
    IcmpMessage m = decode("v6-time-exceeded-echo");

    QuotedIcmp echo = (QuotedIcmp) m.quote().orElseThrow().transport();
    assertThat(echo.version()).isEqualTo(6);
    assertThat(echo.isEchoRequest()).isTrue();
    assertThat(echo.echoIdentifier()).isEqualTo(14352);
    assertThat(echo.echoSequence()).isEqualTo(1);
  }

  @Test
  void echoReply() throws Exception {
    IcmpMessage m = decode("v6-echo-reply");

    assertThat(m.isEchoReply()).isTrue();
    assertThat(m.echoIdentifier()).hasValue(14353);
    assertThat(m.echoSequence()).hasValue(1);
    assertThat(m.quote()).isEmpty();
  }

  @Test
  void packetTooBigGivesMtu() throws Exception {
    IcmpMessage m = decode("v6-packet-too-big");

    assertThat(m.type()).isEqualTo(2);
    assertThat(m.mtu()).hasValue(1280);
    assertThat(m.quote().orElseThrow().quotedLength()).isEqualTo(1232);
    assertThat(((QuotedIcmp) m.quote().orElseThrow().transport()).echoIdentifier())
        .isEqualTo(14355);
  }

  @Test
  void timeExceededQuotingTcpSyn() throws Exception {
    IcmpMessage m = decode("v6-time-exceeded-tcp");

    assertThat(m.quote().orElseThrow().transport())
        .isEqualTo(new QuotedTcp(52365, 80, 1207091264L));
  }

  @Test
  void quoteOfFirstFragmentWalksTheFragmentHeader() throws Exception {
    IcmpMessage m = decode("v6-time-exceeded-fragment-first");

    var quote = m.quote().orElseThrow();
    assertThat(quote.ip().nextProtocol()).isEqualTo(44);
    assertThat(quote.location())
        .isEqualTo(new TransportLocation(17, 8 + 48, TransportLocation.Status.PRESENT));
    assertThat(((QuotedUdp) quote.transport()).sourcePort()).isEqualTo(49523);
    assertThat(((QuotedUdp) quote.transport()).length()).isEqualTo(1460);
  }

  @Test
  void quoteOfLaterFragmentHasNoTransportHeader() throws Exception {
    IcmpMessage m = decode("v6-time-exceeded-fragment-second");

    var quote = m.quote().orElseThrow();
    assertThat(quote.location().status())
        .isEqualTo(TransportLocation.Status.NOT_FIRST_FRAGMENT);
    assertThat(quote.transport()).isEqualTo(new QuotedOpaque(17, 228));
  }

  @Test
  void linuxPacketTooBigIsReproducedByteForByte() throws Exception {
    byte[] probe = packet("v6-echo-request-1448");
    byte[] reply = packet("v6-packet-too-big");
    Ipv6Header outer = Ipv6Header.decode(reply, 0, reply.length);

    byte[] icmp = IcmpErrorEncoder.packetTooBig(outer.source(), outer.destination(), 1280, probe);

    assertThat(icmp).isEqualTo(Arrays.copyOfRange(reply, 40, reply.length));
  }

  @Test
  void linuxTimeExceededIsReproducedByteForByte() throws Exception {
    byte[] probe = packet("v6-udp-probe-hop1");
    byte[] reply = packet("v6-time-exceeded-udp");
    Ipv6Header outer = Ipv6Header.decode(reply, 0, reply.length);

    byte[] icmp = IcmpErrorEncoder.timeExceededV6(
        outer.source(), outer.destination(), probe, IcmpExtensions.NONE);
    byte[] whole = new Ipv6Header(outer.trafficClass(), outer.flowLabel(), icmp.length, 58,
        outer.hopLimit(), outer.source(), outer.destination()).encodeWith(icmp);

    assertThat(whole).isEqualTo(reply);
  }

  @Test
  void capturedChecksumsVerifyWithPseudoHeader() throws Exception {
    byte[] reply = packet("v6-time-exceeded-udp");
    Inet6Address src = (Inet6Address) ip("fd99:1::1");
    Inet6Address dst = (Inet6Address) ip("fd99:1::2");

    assertThat(Checksum.transport(src, dst, 58, reply, 40, reply.length - 40)).isZero();
  }
}
