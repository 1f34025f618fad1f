package dev.hoptrace.packet.quote;

import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.Captures;
import dev.hoptrace.packet.IcmpV4;
import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.TransportLocation;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** One test per odd quote; the quote is what follows the 8-byte ICMP header. */
class QuotedProbeDecoderTest {
  private static final byte[] UDP_PROBE = packet("v4-udp-probe-ttl1"); // 20 + 8 + 32 bytes

  private static QuotedProbe decodeFirst(byte[] datagram, int n) throws MalformedPacketException {
    return QuotedProbeDecoder.decode(datagram, 0, n);
  }

  @Test
  void quoteOfExactlyEightTransportBytesDecodesAllUdpFields() throws Exception {
    QuotedProbe q = decodeFirst(UDP_PROBE, 28);

    assertThat(q.transport()).isEqualTo(new QuotedUdp(34281, 33434, 40, 0xea4b));
    assertThat(q.quotedLength()).isEqualTo(28);
    assertThat(q.isComplete()).isFalse();
  }

  @Test
  void quoteShorterThanEightBytesKeepsThePorts() throws Exception {
    assertThat(decodeFirst(UDP_PROBE, 24).transport())
        .isEqualTo(new QuotedPorts(17, 34281, 33434));
    assertThat(decodeFirst(UDP_PROBE, 27).transport())
        .isEqualTo(new QuotedPorts(17, 34281, 33434));
  }

  @Test
  void quoteShorterThanFourBytesIsOpaqueNotMalformed() throws Exception {
    assertThat(decodeFirst(UDP_PROBE, 23).transport()).isEqualTo(new QuotedOpaque(17, 3));
    assertThat(decodeFirst(UDP_PROBE, 20).transport()).isEqualTo(new QuotedOpaque(17, 0));
  }

  @Test
  void tcpQuoteOfEightBytesGivesPortsAndSequence() throws Exception {
    byte[] syn = packet("v4-tcp-syn-probe");
    assertThat(decodeFirst(syn, 28).transport())
        .isEqualTo(new QuotedTcp(41715, 80, 3209741606L));
  }

  @Test
  void echoQuoteShorterThanEightBytesIsOpaque() throws Exception {
    byte[] echo = packet("v4-echo-request-ttl1");
    assertThat(decodeFirst(echo, 27).transport()).isEqualTo(new QuotedOpaque(1, 7));
    assertThat(((QuotedIcmp) decodeFirst(echo, 28).transport()).echoSequence()).isEqualTo(1);
  }

  @Test
  void quotedIpHeaderCutShortIsMalformed() {
    assertThatThrownBy(() -> decodeFirst(UDP_PROBE, 19))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("IPv4 header needs 20 bytes, 19 available at offset 0");
  }

  @Test
  void emptyQuoteIsMalformed() {
    assertThatThrownBy(() -> decodeFirst(UDP_PROBE, 0))
        .hasMessage("quoted IP header needs 1 bytes, 0 available at offset 0");
  }

  @Test
  void quotedIhlBelowFiveIsMalformed() {
    byte[] p = UDP_PROBE.clone();
    p[0] = 0x43;
    assertThatThrownBy(() -> decodeFirst(p, p.length))
        .hasMessage("IPv4 header length 3 words < 5 at offset 0");
  }

  @Test
  void quotedVersionOtherThanFourOrSixIsMalformed() {
    byte[] p = UDP_PROBE.clone();
    p[0] = 0x55;
    assertThatThrownBy(() -> decodeFirst(p, p.length))
        .hasMessage("quoted IP version 5 at offset 0");
  }

  @Test
  void paddingPastQuotedTotalLengthIsNotCounted() throws Exception {
    byte[] padded = java.util.Arrays.copyOf(UDP_PROBE, 128); // RFC 4884 zero padding
    QuotedProbe q = decodeFirst(padded, 128);
    assertThat(q.quotedLength()).isEqualTo(60);
    assertThat(q.isComplete()).isTrue();
  }

  @Test
  void quotedTotalLengthShorterThanTransportLimitsIt() throws Exception {
    byte[] p = UDP_PROBE.clone();
    Wire.put16(p, 2, 24); // a router that rewrote the quoted length
    assertThat(decodeFirst(p, p.length).transport()).isEqualTo(new QuotedPorts(17, 34281, 33434));
  }

  @Test
  void nonFirstIpv4FragmentHasNoTransportHeader() throws Exception {
    byte[] p = UDP_PROBE.clone();
    Wire.put16(p, 6, 0x0010); // fragment offset 16 (128 bytes)
    QuotedProbe q = decodeFirst(p, p.length);
    assertThat(q.location().status()).isEqualTo(TransportLocation.Status.NOT_FIRST_FRAGMENT);
    assertThat(q.transport()).isEqualTo(new QuotedOpaque(17, 40));
  }

  @Test
  void icmpErrorQuotingAnIcmpErrorDecodesTheInnerErrorHeader() throws Exception {
    // A broken router answered an ICMP error with another (RFC 1122 §3.2.2 forbids it).
    byte[] inner = packet("v4-time-exceeded-udp");
    Inet4Address a = (Inet4Address) Captures.ip("10.99.1.2");
    byte[] outer = IcmpErrorEncoder.ipv4Packet(a, a, 64, 1,
        IcmpErrorEncoder.timeExceededV4(inner, IcmpExtensions.NONE));

    QuotedProbe q = QuotedProbeDecoder.decode(outer, 28, outer.length - 28);
    QuotedIcmp quoted = (QuotedIcmp) q.transport();
    assertThat(quoted.type()).isEqualTo(IcmpV4.TIME_EXCEEDED);
    assertThat(quoted.isEchoRequest()).isFalse();
    assertThat(((Ipv4Header) q.ip()).source()).isEqualTo(Captures.ip("10.99.1.1"));
  }

  @Test
  void ipv6QuoteWithExtensionHeadersCutInsideTheChainIsTruncated() throws Exception {
    byte[] reply = Captures.icmpV6("v6-time-exceeded-fragment-first");
    // The quote starts at 8; cut it 4 bytes into the Fragment header.
    QuotedProbe q = QuotedProbeDecoder.decode(reply, 8, 44);
    assertThat(q.location().status()).isEqualTo(TransportLocation.Status.TRUNCATED);
    assertThat(q.location().protocol()).isEqualTo(44);
    assertThat(q.transport()).isEqualTo(new QuotedOpaque(44, 4));
  }

  @Test
  void ipv6QuoteWithHopByHopAndDestinationOptionsFindsUdp() throws Exception {
    byte[] probe = packet("v6-udp-probe-hop1");
    byte[] withExt = new byte[probe.length + 16];
    System.arraycopy(probe, 0, withExt, 0, 40);
    withExt[6] = 0; // next header: Hop-by-Hop
    Wire.put16(withExt, 4, Wire.u16(probe, 4) + 16);
    withExt[40] = 60; // HBH -> Destination Options
    withExt[48] = 17; // DestOpts -> UDP
    System.arraycopy(probe, 40, withExt, 56, probe.length - 40);

    QuotedProbe q = QuotedProbeDecoder.decode(withExt, 0, withExt.length);
    assertThat(q.location())
        .isEqualTo(new TransportLocation(17, 56, TransportLocation.Status.PRESENT));
    assertThat(((QuotedUdp) q.transport()).sourcePort()).isEqualTo(36028);
  }

  @Test
  void byteBufferViewStartsAtItsPosition() throws Exception {
    byte[] reply = packet("v4-time-exceeded-udp");
    ByteBuffer b = ByteBuffer.wrap(reply).position(28).slice();
    assertThat(QuotedProbeDecoder.decode(b).transport()).isInstanceOf(QuotedUdp.class);
    assertThat(QuotedProbeDecoder.decode(b.asReadOnlyBuffer()).transport())
        .isInstanceOf(QuotedUdp.class);
  }
}
