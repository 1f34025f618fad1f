package dev.hoptrace.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import dev.hoptrace.packet.quote.QuotedProbe;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Time Exceeded messages captured with tcpdump on the client's link in a lab of Linux 6.18
 * namespaces: client 198.18.201.1, a home router between 198.18.201.0/24 and 198.18.202.0/24,
 * a router 198.18.202.2 behind it. The probe was UDP from port 48641 (or 47334) to port 53,
 * TTL 2, checksum and IP ID 0x0001.
 */
class RawQuoteTest {
  private static final InetAddress CLIENT = ip("198.18.201.1");

  /** The home router rewrote the source with nft {@code ip saddr set} and nothing put it back. */
  private static final String STATELESS_NAT =
      "45c00058406500003f011b57c612ca02c612c9010b0016630000000045000 03c000100000111 9887"
          + "c612ca01c612cb02be0100350028ff006c79424344454647" + "48494a4b4c4d4e4f5051525354555657"
          + "58595a5b5c5d5e5f";

  /** The home router masqueraded (conntrack), which translated the quote back. */
  private static final String MASQUERADE =
      "45c0005827250000 3f013497c612ca02c612c9010b00156300000000 4500003c000100000111 9987"
          + "c612c901c612cb02b8e600350028000171944243444546474849" + "4a4b4c4d4e4f505152535455"
          + "565758595a5b5c5d5e5f";

  @Test
  void statelessNatLeavesTheRewrittenSourceAndChecksumInTheQuote() throws Exception {
    QuotedProbe quote = quote(STATELESS_NAT);

    QuotedIpHeader header = RawQuote.header(quote, CLIENT);

    assertThat(header.translatedSource()).contains(ip("198.18.202.1"));
    assertThat(header.checksumRewritten()).isTrue();
    assertThat(header.ttl()).isEqualTo(1);
    assertThat(header.ipId()).isEqualTo(1);
  }

  @Test
  void theProbeIsStillFoundBehindAStatelessNat() throws Exception {
    WireKey key = RawQuote.key(Protocol.UDP, 48641, CLIENT, quote(STATELESS_NAT));

    assertThat(key).isEqualTo(new WireKey(48641, 53, 0x0001)); // the checksum it left with
  }

  @Test
  void conntrackMasqueradeLeavesNothingToSee() throws Exception {
    QuotedProbe quote = quote(MASQUERADE);

    assertThat(RawQuote.header(quote, CLIENT))
        .isEqualTo(new QuotedIpHeader(1, 0, 1, Optional.empty(), false));
    assertThat(RawQuote.key(Protocol.UDP, 47334, CLIENT, quote))
        .isEqualTo(new WireKey(47334, 53, 0x0001));
  }

  @Test
  void anUnknownSourceClaimsNothing() throws Exception {
    QuotedIpHeader header = RawQuote.header(quote(STATELESS_NAT), ip("0.0.0.0"));

    assertThat(header.translatedSource()).isEmpty();
  }

  @Test
  void aChecksumThatNoLongerMatchesTheIpIdIsARewriteEvenFromOurAddress() throws Exception {
    byte[] packet = bytes(MASQUERADE);
    packet[28 + 4] = 0x12; // quoted IP ID no longer repeats the checksum, as a middlebox left it
    resum(packet, 28 + 10, 28, 20); // the quoted IP header's checksum
    resum(packet, 20 + 2, 20, packet.length - 20); // the ICMP checksum

    QuotedIpHeader header = RawQuote.header(IcmpMessageDecoder
        .decodeIpv4Packet(packet, 0, packet.length).quote().orElseThrow(), CLIENT);

    assertThat(header.translatedSource()).isEmpty();
    assertThat(header.checksumRewritten()).isTrue();
  }

  @Test
  void otherSessionsProbesAreNotOurs() throws Exception {
    assertThat(RawQuote.key(Protocol.UDP, 48642, CLIENT, quote(STATELESS_NAT))).isNull();
    assertThat(RawQuote.key(Protocol.TCP, 48641, CLIENT, quote(STATELESS_NAT))).isNull();
  }

  private static void resum(byte[] b, int field, int from, int length) {
    b[field] = 0;
    b[field + 1] = 0;
    int sum = Checksum.of(b, from, length);
    b[field] = (byte) (sum >>> 8);
    b[field + 1] = (byte) sum;
  }

  private static QuotedProbe quote(String hex) throws Exception {
    byte[] b = bytes(hex);
    return IcmpMessageDecoder.decodeIpv4Packet(b, 0, b.length).quote().orElseThrow();
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
