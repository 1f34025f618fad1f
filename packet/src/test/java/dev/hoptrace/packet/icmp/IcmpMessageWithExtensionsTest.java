package dev.hoptrace.packet.icmp;

import static dev.hoptrace.packet.Captures.ip;
import static dev.hoptrace.packet.Captures.packet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensionLocator;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.InterfaceInformation;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Errors as an MPLS router builds them (Linux adds no extensions), and their odd variants. */
class IcmpMessageWithExtensionsTest {
  private static final Inet4Address ROUTER = (Inet4Address) ip("10.99.1.1");
  private static final Inet4Address HOST = (Inet4Address) ip("10.99.1.2");
  private static final IcmpExtensions MPLS = new IcmpExtensions(
      List.of(new MplsLabelStackEntry(16005, 0, false, 1),
          new MplsLabelStackEntry(24001, 5, true, 1)),
      List.of(new InterfaceInformation(0, OptionalInt.of(2), Optional.of(ip("10.99.1.1")),
          Optional.of("eth0"), OptionalInt.of(1500))),
      List.of());

  private static IcmpMessage decodeV4(byte[] icmp) throws MalformedPacketException {
    byte[] p = IcmpErrorEncoder.ipv4Packet(ROUTER, HOST, 64, 7, icmp);
    return IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length);
  }

  @Test
  void compliantExtensionsAfterPaddedQuote() throws Exception {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), MPLS);

    assertThat(Wire.u8(icmp, 5)).as("length attribute, 32-bit words").isEqualTo(32);
    IcmpMessage m = decodeV4(icmp);
    assertThat(m.extensions()).isEqualTo(MPLS);
    assertThat(m.extensionProblem()).isEmpty();
    assertThat(m.quote().orElseThrow().transport()).isInstanceOf(QuotedUdp.class);
    assertThat(m.quote().orElseThrow().quotedLength()).isEqualTo(60);
  }

  @Test
  void nonCompliantExtensionsAfterFixed128ByteQuoteAreFound() throws Exception {
    byte[] icmp = IcmpErrorEncoder.icmpV4(11, 0, 0, packet("v4-udp-probe-1000"), MPLS, false);

    assertThat(Wire.u8(icmp, 5)).isZero();
    IcmpMessage m = decodeV4(icmp);
    assertThat(m.extensions()).isEqualTo(MPLS);
    assertThat(m.quote().orElseThrow().quotedLength()).isEqualTo(128);
  }

  @Test
  void longQuoteWithoutExtensionsIsNotMistakenForThem() throws Exception {
    IcmpMessage m = decodeV4(IcmpErrorEncoder.timeExceededV4(
        packet("v4-udp-probe-1000"), IcmpExtensions.NONE));

    assertThat(m.extensions().isEmpty()).isTrue();
    assertThat(m.extensionProblem()).isEmpty();
    assertThat(m.quote().orElseThrow().quotedLength()).isEqualTo(548);
  }

  @Test
  void wrongExtensionChecksumKeepsTheQuoteAndReportsTheProblem() throws Exception {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), MPLS);
    icmp[8 + 128 + 9] ^= 0x10; // a label bit
    Wire.put16(icmp, 2, 0);
    Wire.put16(icmp, 2, Checksum.of(icmp, 0, icmp.length));

    IcmpMessage m = decodeV4(icmp);
    assertThat(m.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(m.extensionProblem()).hasValueSatisfying(
        p -> assertThat(p).contains("checksum"));
    assertThat(m.quote()).isPresent();
  }

  @Test
  void lengthAttributeBelow128BytesIsIgnored() throws Exception {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), MPLS);
    icmp[5] = 15; // 60 bytes: not RFC 4884 (§4 asks for at least 128)

    assertThat(IcmpExtensionLocator.locate(4, icmp, 0, icmp.length)).isEmpty();
  }

  @Test
  void lengthAttributePastTheMessageIsIgnored() throws Exception {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), MPLS);
    icmp[5] = (byte) 255;

    assertThat(IcmpExtensionLocator.locate(4, icmp, 0, icmp.length)).isEmpty();
  }

  @Test
  void lengthAttributePastTheMessageKeepsTheQuoteAndReportsTheLie() throws Exception {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), MPLS);
    icmp[5] = (byte) 255; // 1020 bytes of original datagram in a 160-byte message
    Wire.put16(icmp, 2, 0);
    Wire.put16(icmp, 2, Checksum.of(icmp, 0, icmp.length));

    IcmpMessage m = decodeV4(icmp);
    assertThat(m.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(m.extensionProblem()).hasValue("RFC 4884 length attribute 255 puts the original "
        + "datagram's end at byte 1028 of a " + icmp.length + "-byte message");
    assertThat(m.quote().orElseThrow().transport()).isInstanceOf(QuotedUdp.class);
  }

  @Test
  void wrongIcmpChecksumIsMalformed() {
    byte[] icmp = IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), IcmpExtensions.NONE);
    icmp[2] ^= 0x01; // a raw socket gets the packet before the kernel checks this

    assertThatThrownBy(() -> decodeV4(icmp)).isInstanceOf(MalformedPacketException.class)
        .hasMessageStartingWith("ICMP checksum 0x");
  }

  @Test
  void icmpCutShortByALyingTotalLengthIsMalformed() {
    byte[] p = IcmpErrorEncoder.ipv4Packet(ROUTER, HOST, 64, 7,
        IcmpErrorEncoder.timeExceededV4(packet("v4-udp-probe-ttl1"), IcmpExtensions.NONE));
    Wire.put16(p, 2, p.length - 4); // what the kernel keeps of it: the checksum no longer fits
    Wire.put16(p, 10, 0);
    Wire.put16(p, 10, Checksum.of(p, 0, 20));

    assertThatThrownBy(() -> IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length - 4))
        .hasMessageStartingWith("ICMP checksum 0x");
  }

  @Test
  void icmpV6ExtensionsUseSixtyFourBitWords() throws Exception {
    Inet6Address router = (Inet6Address) ip("fd99:1::1");
    Inet6Address host = (Inet6Address) ip("fd99:1::2");
    byte[] icmp = IcmpErrorEncoder.timeExceededV6(router, host, packet("v6-udp-probe-hop1"), MPLS);

    assertThat(Wire.u8(icmp, 4)).isEqualTo(16);
    assertThat(Checksum.transport(router, host, 58, icmp, 0, icmp.length)).isZero();
    IcmpMessage m = IcmpMessageDecoder.decodeIcmpV6(icmp, 0, icmp.length);
    assertThat(m.extensions()).isEqualTo(MPLS);
    assertThat(((QuotedUdp) m.quote().orElseThrow().transport()).destinationPort())
        .isEqualTo(33434);
  }

  @Test
  void echoReplyIsNeverSearchedForExtensions() throws Exception {
    assertThat(IcmpExtensionLocator.locate(4, packet("v4-echo-reply"), 20, 64)).isEmpty();
  }

  @Test
  void totalLengthBeyondTheBufferIsMalformed() {
    byte[] p = packet("v4-time-exceeded-udp");
    assertThatThrownBy(() -> IcmpMessageDecoder.decodeIpv4Packet(p, 0, 80))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessage("IPv4 total length 88 > 80 bytes received at offset 0");
  }

  @Test
  void bytesPastTheTotalLengthAreIgnored() throws Exception {
    byte[] p = java.util.Arrays.copyOf(packet("v4-time-exceeded-udp"), 100);
    assertThat(IcmpMessageDecoder.decodeIpv4Packet(p, 0, 100).quote().orElseThrow()
        .quotedLength()).isEqualTo(60);
  }

  @Test
  void nonIcmpPacketIsMalformed() {
    byte[] p = packet("v4-udp-probe-ttl1");
    assertThatThrownBy(() -> IcmpMessageDecoder.decodeIpv4Packet(p, 0, p.length))
        .hasMessage("IPv4 protocol 17 is not ICMP at offset 0");
  }

  @Test
  void icmpHeaderCutShortIsMalformed() {
    byte[] p = java.util.Arrays.copyOf(packet("v4-echo-reply"), 24);
    Wire.put16(p, 2, 24);
    assertThatThrownBy(() -> IcmpMessageDecoder.decodeIpv4Packet(p, 0, 24))
        .hasMessage("ICMP header needs 8 bytes, 4 available at offset 20");
  }

  @Test
  void errorQuotingNothingIsMalformed() {
    byte[] p = java.util.Arrays.copyOf(packet("v4-time-exceeded-udp"), 28);
    Wire.put16(p, 2, 28);
    Wire.put16(p, 22, 0); // the cut message's own checksum, so that only the quote is wrong
    Wire.put16(p, 22, dev.hoptrace.packet.Checksum.of(p, 20, 8));
    assertThatThrownBy(() -> IcmpMessageDecoder.decodeIpv4Packet(p, 0, 28))
        .hasMessage("quoted IP header needs 1 bytes, 0 available at offset 28");
  }
}
