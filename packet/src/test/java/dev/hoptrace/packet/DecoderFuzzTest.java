package dev.hoptrace.packet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hoptrace.packet.ext.IcmpExtensionDecoder;
import dev.hoptrace.packet.ext.IcmpExtensionLocator;
import dev.hoptrace.packet.icmp.IcmpMessageDecoder;
import dev.hoptrace.packet.quote.QuotedProbeDecoder;
import dev.hoptrace.packet.quote.QuotedTcp;

/**
 * One fuzz target per decoder: any bytes decode or throw {@link MalformedPacketException}; any
 * other exception (an out-of-bounds read above all: the input array ends exactly where the
 * decoder's bounds do) fails.
 *
 * <p>{@code mvn test} replays the seeds in {@code src/test/resources/dev/hoptrace/packet/
 * DecoderFuzzTestInputs/<method>/}. To fuzz one target for real:
 * {@snippet :
 * JAZZER_FUZZ=1 mvn -pl packet test -Dtest='DecoderFuzzTest#quotedProbe'
 * }
 */
class DecoderFuzzTest {

  /** A decoder call that may only fail with {@link MalformedPacketException}. */
  private interface Decode {
    void run() throws MalformedPacketException;
  }

  private static void accept(Decode d) {
    try {
      d.run();
    } catch (MalformedPacketException expected) {
      // the one allowed outcome besides a value
    }
  }

  @FuzzTest(maxDuration = "30s")
  void ipv4Header(byte[] b) {
    accept(() -> Ipv4Header.decode(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void ipv6Header(byte[] b) {
    accept(() -> Ipv6Header.decode(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void ipv6ExtensionHeaders(byte[] b) {
    if (b.length > 0) {
      accept(() -> Ipv6ExtensionHeaders.locate(b, 1, b.length - 1, b[0] & 0xff));
    }
  }

  @FuzzTest(maxDuration = "30s")
  void transportHeaders(byte[] b) {
    accept(() -> Udp.decode(b, 0, b.length));
    accept(() -> Tcp.decode(b, 0, b.length));
    accept(() -> QuotedTcp.decode(b, 0, b.length));
    accept(() -> IcmpV4.decode(b, 0, b.length));
    accept(() -> IcmpV6.decode(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void quotedProbe(byte[] b) {
    accept(() -> QuotedProbeDecoder.decode(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void icmpExtensions(byte[] b) {
    accept(() -> IcmpExtensionDecoder.decode(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void icmpExtensionLocator(byte[] b) {
    accept(() -> IcmpExtensionLocator.locate(4, b, 0, b.length));
    accept(() -> IcmpExtensionLocator.locate(6, b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void icmpMessageIpv4(byte[] b) {
    accept(() -> IcmpMessageDecoder.decodeIpv4Packet(b, 0, b.length));
  }

  @FuzzTest(maxDuration = "30s")
  void icmpMessageV6(byte[] b) {
    accept(() -> IcmpMessageDecoder.decodeIcmpV6(b, 0, b.length));
  }
}
