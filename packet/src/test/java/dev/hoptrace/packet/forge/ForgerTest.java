package dev.hoptrace.packet.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.Ipv4Header;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Udp;
import dev.hoptrace.packet.Wire;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import dev.hoptrace.packet.icmp.IcmpMessage;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import dev.hoptrace.packet.quote.QuotedProbe;
import dev.hoptrace.packet.quote.QuotedUdp;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forger's lies, read by the decoder raw sessions use:
 * each lie about a probe quotes something that is not that probe, and each broken copy of a real
 * error is malformed or, for a broken extension, keeps its quote and reports the problem.
 */
class ForgerTest {
  private static final Inet4Address CLIENT = v4("198.18.1.1");
  private static final Inet4Address ROUTER = v4("198.18.1.2");
  private static final Inet4Address DESTINATION = v4("198.18.4.2");
  private static final Inet4Address LIAR = v4("198.18.250.66");

  private final Forger forger = new Forger(new ForgeryPlan(LIAR,
      (Inet6Address) ip("2001:db8:fa::66"), EnumSet.allOf(Forgery.class), Duration.ZERO),
      System::nanoTime);

  @Test
  void liesAboutAProbeQuoteAnythingButIt() throws Exception {
    byte[] probe = probe(33434);
    List<byte[]> lies = forger.aboutProbe(probe.clone());

    assertThat(lies).hasSize(5); // all but the stale lie, which needs an earlier probe
    List<String> quotes = new ArrayList<>();
    for (byte[] lie : lies) {
      try {
        IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(lie, 0, lie.length);
        QuotedProbe q = m.quote().orElseThrow();
        quotes.add(q.ip().destination().getHostAddress() + " " + q.transport());
      } catch (MalformedPacketException e) {
        quotes.add("malformed");
      }
    }
    String exact = DESTINATION.getHostAddress() + " "
        + new QuotedUdp(40000, 33434, Udp.LENGTH + 32, Wire.u16(probe, 26));
    assertThat(quotes).doesNotContain(exact).hasSize(5);
  }

  @Test
  void staleLieQuotesAnEarlierProbeExactly() throws Exception {
    forger.aboutProbe(probe(33434));
    List<byte[]> lies = forger.aboutProbe(probe(33440));

    List<Integer> ports = new ArrayList<>();
    for (byte[] lie : lies) {
      IcmpMessage m = IcmpMessageDecoder.decodeIpv4Packet(lie, 0, lie.length);
      QuotedProbe q = m.quote().orElseThrow();
      if (q.ip().destination().equals(DESTINATION) && q.transport() instanceof QuotedUdp u) {
        ports.add(u.destinationPort());
      }
    }
    assertThat(ports).contains(33434).doesNotContain(33440);
  }

  @Test
  void brokenCopiesOfARealErrorAreMalformedOrLoseTheirExtension() throws Exception {
    byte[] error = IcmpErrorEncoder.ipv4Packet(ROUTER, CLIENT, 64, 1,
        IcmpErrorEncoder.timeExceededV4(probe(33434), IcmpExtensions.NONE));
    List<byte[]> copies = forger.aheadOf(error);

    assertThat(copies).hasSize(6);
    // in Forgery order: bad checksum, IP length inside the quote (as the kernel cuts it), two broken
    // extensions, a lying RFC 4884 length, a lying quoted length
    assertThatThrownBy(() -> decode(copies.get(0))).hasMessageStartingWith("ICMP checksum");
    assertThatThrownBy(() -> decode(copies.get(1))).hasMessageStartingWith("ICMP checksum");
    for (int i = 2; i <= 4; i++) {
      IcmpMessage m = decode(copies.get(i));
      assertThat(m.quote()).isPresent();
      assertThat(m.extensions().isEmpty()).isTrue();
      assertThat(m.extensionProblem()).as("copy %d", i).isPresent();
    }
    assertThatThrownBy(() -> decode(copies.get(5))).isInstanceOf(MalformedPacketException.class);
  }

  /** As a raw socket gets it: the kernel keeps what the IPv4 total length says. */
  private static IcmpMessage decode(byte[] packet) throws MalformedPacketException {
    int length = Math.min(packet.length, Wire.u16(packet, 2));
    return IcmpMessageDecoder.decodeIpv4Packet(packet, 0, length);
  }

  private static byte[] probe(int port) {
    byte[] datagram = Udp.encode(CLIENT, DESTINATION, 40000, port, new byte[32]);
    return Ipv4Header.of(Ipv4Header.PROTOCOL_UDP, 1, 7, CLIENT, DESTINATION, datagram.length)
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
