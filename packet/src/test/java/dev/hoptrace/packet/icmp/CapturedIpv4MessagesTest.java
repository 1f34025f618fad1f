package dev.hoptrace.packet.icmp;

import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.quote.QuotedIcmp;
import dev.hoptrace.packet.quote.QuotedTcp;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** IPv4 replies captured from Linux 6.18 routers, decoded as a raw ICMP socket delivers them. */
class CapturedIpv4MessagesTest {

  @Test
  void timeExceededQuotingUdpProbeGivesRouterAndProbePorts() throws Exception {
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(packet("v4-time-exceeded-udp"), 0, 88);

    Ipv4Header outer = (Ipv4Header) m.outer().orElseThrow();
    assertThat(outer.source()).isEqualTo(ip("10.99.1.1"));
    assertThat(outer.destination()).isEqualTo(ip("10.99.1.2"));
    assertThat(outer.ttl()).isEqualTo(64);
    assertThat(outer.tos()).isEqualTo(0xc0);
    assertThat(m.type()).isEqualTo(11);
    assertThat(m.code()).isZero();
    assertThat(m.isError()).isTrue();
    assertThat(m.mtu()).isEmpty();
    assertThat(m.echoIdentifier()).isEmpty();
    assertThat(m.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(m.extensionProblem()).isEmpty();

    var quote = m.quote().orElseThrow();
    Ipv4Header quoted = (Ipv4Header) quote.ip();
    assertThat(quoted.ttl()).isEqualTo(1);
    assertThat(quoted.identification()).isEqualTo(0xd232);
    assertThat(quoted.destination()).isEqualTo(ip("10.99.2.2"));
    assertThat(quote.transport()).isEqualTo(new QuotedUdp(34281, 33434, 40, 0xea4b));
    assertThat(quote.quotedLength()).isEqualTo(60);
    assertThat(quote.isComplete()).isTrue();
  }

  @Test
  void quotedProbeIsTheProbeAsSent() throws Exception {
    byte[] probe = packet("v4-udp-probe-ttl1");
    byte[] reply = packet("v4-time-exceeded-udp");

    assertThat(Arrays.copyOfRange(reply, 28, 88)).isEqualTo(probe);
  }

  @Test
  void portUnreachableFromTarget() throws Exception {
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(packet("v4-port-unreachable"), 0, 88);

    assertThat(m.outer().orElseThrow().source()).isEqualTo(ip("10.99.2.2"));
    assertThat(m.outer().orElseThrow().hopLimit()).isEqualTo(63);
    assertThat(m.type()).isEqualTo(3);
    assertThat(m.code()).isEqualTo(3);
    assertThat(m.mtu()).isEmpty();
    assertThat(m.quote().orElseThrow().transport()).isEqualTo(new QuotedUdp(36702, 33435, 40,
        0xe0d5));
  }

  @Test
  void timeExceededQuotingEchoRequestGivesIdAndSequence() throws Exception {
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(packet("v4-time-exceeded-echo"), 0, 112);

    assertThat(m.type()).isEqualTo(11);
    QuotedIcmp echo = (QuotedIcmp) m.quote().orElseThrow().transport();
    assertThat(echo.isEchoRequest()).isTrue();
    assertThat(echo.echoIdentifier()).isEqualTo(14346);
    assertThat(echo.echoSequence()).isEqualTo(1);
    assertThat(m.quote().orElseThrow().ip().hopLimit()).isEqualTo(1);
    assertThat(((Ipv4Header) m.quote().orElseThrow().ip()).dontFragment()).isTrue();
  }

  @Test
  void echoReplyGivesIdentifierSequenceAndData() throws Exception {
    byte[] p = packet("v4-echo-reply");
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length);

    assertThat(m.isEchoReply()).isTrue();
    assertThat(m.isError()).isFalse();
    assertThat(m.quote()).isEmpty();
    assertThat(m.echoIdentifier()).hasValue(14347);
    assertThat(m.echoSequence()).hasValue(1);
    assertThat(m.outer().orElseThrow().hopLimit()).isEqualTo(63);
    assertThat(m.bodyOffset()).isEqualTo(28);
    assertThat(m.bodyLength()).isEqualTo(56);
    assertThat(Checksum.of(p, 20, 64)).as("ICMP checksum verifies").isZero();
  }

  @Test
  void fragNeededGivesNextHopMtuAndQuoteCappedAt576() throws Exception {
    byte[] p = packet("v4-frag-needed");
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length);

    assertThat(p).hasSize(576);
    assertThat(m.type()).isEqualTo(3);
    assertThat(m.code()).isEqualTo(4);
    assertThat(m.mtu()).hasValue(1280);
    var quote = m.quote().orElseThrow();
    assertThat(quote.ip().datagramLength()).isEqualTo(1428);
    assertThat(quote.quotedLength()).isEqualTo(548);
    assertThat(quote.isComplete()).isFalse();
    assertThat(((QuotedIcmp) quote.transport()).echoIdentifier()).isEqualTo(14348);
  }

  @Test
  void timeExceededQuotingTcpSynGivesPortsAndSequence() throws Exception {
    byte[] p = packet("v4-time-exceeded-tcp");
    IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length);

    assertThat(m.quote().orElseThrow().transport())
        .isEqualTo(new QuotedTcp(41715, 80, 3209741606L));
  }

  @Test
  void linuxRouterErrorIsReproducedByteForByte() throws Exception {
    byte[] probe = packet("v4-udp-probe-1000");
    byte[] reply = packet("v4-time-exceeded-576");

    byte[] icmp = IcmpErrorEncoder.timeExceededV4(probe, IcmpExtensions.NONE);
    Ipv4Header outer = Ipv4Header.decode(reply, 0, reply.length);
    byte[] whole = IcmpErrorEncoder.ipv4Packet(outer.source(), outer.destination(), outer.ttl(),
        outer.identification(), icmp);

    assertThat(whole).isEqualTo(reply);
  }

  @Test
  void linuxFragNeededIsReproducedByteForByte() throws Exception {
    byte[] probe = packet("v4-echo-request-df-1428");
    byte[] reply = packet("v4-frag-needed");

    byte[] icmp = IcmpErrorEncoder.destinationUnreachableV4(4, 1280, probe, IcmpExtensions.NONE);

    assertThat(icmp).isEqualTo(Arrays.copyOfRange(reply, 20, reply.length));
  }
}
