package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A raw probe written by {@link RawProbeWriter}, quoted back by a router that keeps only the IP
 * header and 8 bytes (RFC 792), read by {@link RawReplyReader}: the probe is found again by its
 * position, and only for the destination it was sent to.
 */
class ShortQuoteTest {
  private static final byte[] SOURCE = {(byte) 198, 18, 0, 1};
  private static final byte[] ROUTER = {(byte) 198, 18, 1, 2};
  private static final int IDENT = 40_001;

  private static BulkSpec spec(Protocol protocol, boolean paris) throws Exception {
    TargetTable targets = TargetTable.of(List.of(InetAddress.getByName("198.18.3.2"),
        InetAddress.getByName("198.18.4.2")));
    return new BulkSpec(targets, protocol, ProbeMode.RAW, paris, 33434, 60, 0, 0x5eedL);
  }

  /** The ICMP Time Exceeded a router sends for {@code probe}, quoting {@code quoted} bytes. */
  private static byte[] timeExceeded(byte[] probe, int quoted) {
    return IcmpErrorEncoder.icmpV4(11, 0, 0, Arrays.copyOf(probe, quoted), IcmpExtensions.NONE,
        true);
  }

  private static ReplyBatch read(BulkSpec spec, byte[] icmp) {
    ReplyBatch batch = new ReplyBatch(4);
    new RawReplyReader(spec, IDENT).read(icmp, 0, icmp.length, ROUTER, 0, 250, 5_000_000L,
        batch);
    return batch;
  }

  @ParameterizedTest
  @CsvSource({"UDP, false", "UDP, true", "ICMP, false", "ICMP, true"})
  void theHeadersAloneNameTheProbe(Protocol protocol, boolean paris) throws Exception {
    BulkSpec spec = spec(protocol, paris);
    RawProbeWriter writer = new RawProbeWriter(spec, SOURCE, IDENT);
    byte[] probe = new byte[writer.length()];
    int sequence = 4 * 3 + 2; // TTL 5, probe 2 of 3
    writer.write(probe, 0, 1, 5, 2, sequence, spec.check(1), 1_000_000L);

    // Still a valid datagram: the slot bytes only steer the checksum.
    long pseudo = protocol == Protocol.UDP
        ? Checksum.sum(probe, 12, 8, 0) + 17 + (probe.length - 20) : 0;
    assertThat(Checksum.finish(pseudo + Checksum.sum(probe, 20, probe.length - 20, 0))).isZero();

    ReplyBatch full = read(spec, timeExceeded(probe, probe.length));
    assertThat(full.count).isEqualTo(1);
    assertThat(full.ttl[0]).isEqualTo(5);
    assertThat(full.index[0]).isEqualTo(2);

    ReplyBatch cut = read(spec, timeExceeded(probe, 28));
    assertThat(cut.count).isEqualTo(1);
    assertThat(cut.target[0]).isEqualTo(1);
    assertThat(cut.ttl[0]).isEqualTo(ReplyBatch.FROM_SEQUENCE);
    assertThat(cut.index[0]).isEqualTo(sequence);
    assertThat(cut.unmatched).isZero();
  }

  @ParameterizedTest
  @CsvSource({"UDP, false", "UDP, true", "ICMP, false", "ICMP, true"})
  void aShortQuoteNamingAnotherDestinationIsUnmatched(Protocol protocol, boolean paris)
      throws Exception {
    BulkSpec spec = spec(protocol, paris);
    RawProbeWriter writer = new RawProbeWriter(spec, SOURCE, IDENT);
    byte[] probe = new byte[writer.length()];
    writer.write(probe, 0, 1, 5, 2, 14, spec.check(1), 1_000_000L);
    spec.targets().copyAddress(0, probe, 16); // a middlebox rewrote the destination
    ReplyBatch cut = read(spec, timeExceeded(probe, 28));
    assertThat(cut.count).isZero();
    assertThat(cut.unmatched).isEqualTo(1);
  }
}
