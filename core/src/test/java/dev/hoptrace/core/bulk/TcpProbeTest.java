package dev.hoptrace.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.ProbeMode;
import dev.hoptrace.core.net.Protocol;
import dev.hoptrace.core.net.ReplyKind;
import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.icmp.IcmpErrorEncoder;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk TCP probes as {@link RawProbeWriter} writes them and {@link RawReplyReader} takes their
 * answers back: a router's quote (whole or 8 bytes) and the destination's SYN-ACK or RST name the
 * probe by its ports and sequence number; anything that does not fit is counted, not used.
 */
class TcpProbeTest {
  private static final byte[] SOURCE = {(byte) 198, 18, 0, 1};
  private static final byte[] ROUTER = {(byte) 198, 18, 1, 2};
  private static final int IDENT = 40_001;
  private static final int SEQUENCE = 4 * 3 + 2; // TTL 5, probe 2 of 3

  private static BulkSpec spec() throws Exception {
    TargetTable targets = TargetTable.of(List.of(InetAddress.getByName("198.18.3.2"),
        InetAddress.getByName("198.18.4.2")));
    return new BulkSpec(targets, Protocol.TCP, ProbeMode.RAW, true, 443, 40, 0, 0x5eedL);
  }

  private static byte[] probe(BulkSpec spec, int target) {
    RawProbeWriter writer = new RawProbeWriter(spec, SOURCE, IDENT);
    byte[] probe = new byte[writer.length()];
    writer.write(probe, 0, target, 5, 2, SEQUENCE, spec.check(target), 1_000_000L);
    return probe;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at) {
    return (long) u16(b, at) << 16 | u16(b, at + 2);
  }

  /** The destination's answer: ports swapped, acknowledging {@code ack}. */
  private static byte[] answer(int from, int to, long ack, int flags) {
    byte[] b = new byte[20];
    b[0] = (byte) (from >>> 8);
    b[1] = (byte) from;
    b[2] = (byte) (to >>> 8);
    b[3] = (byte) to;
    for (int i = 0; i < 4; i++) {
      b[8 + i] = (byte) (ack >>> (24 - 8 * i));
    }
    b[12] = 0x50;
    b[13] = (byte) flags;
    return b;
  }

  private static ReplyBatch readTcp(BulkSpec spec, byte[] segment, byte[] from) {
    ReplyBatch batch = new ReplyBatch(4);
    new RawReplyReader(spec, IDENT).readTcp(segment, 0, segment.length, from, 0, 60, 5_000_000L,
        batch);
    return batch;
  }

  @Test
  void aSynWithItsStateInTheSequenceNumber() throws Exception {
    BulkSpec spec = spec();
    byte[] p = probe(spec, 1);
    assertThat(p).hasSize(40);
    assertThat(p[9]).isEqualTo((byte) 6);
    assertThat(u16(p, 4)).as("IPv4 ID").isEqualTo(SEQUENCE);
    assertThat(Checksum.finish(Checksum.sum(p, 0, 20, 0))).isZero();
    long pseudo = Checksum.sum(p, 12, 8, 0) + 6 + 20;
    assertThat(Checksum.finish(pseudo + Checksum.sum(p, 20, 20, 0))).as("TCP checksum").isZero();
    assertThat(u16(p, 20)).isEqualTo(IDENT);
    assertThat(u16(p, 22)).isEqualTo(443);
    assertThat(u32(p, 24)).isEqualTo((long) ProbeStamp.shortCheck(spec.check(1)) << 16 | SEQUENCE);
    assertThat(p[33]).as("flags: SYN only").isEqualTo((byte) 0x02);
    assertThat(p[32]).as("no options").isEqualTo((byte) 0x50);
  }

  @ParameterizedTest
  @CsvSource({"40", "28"})
  void aRouterQuoteWholeOrEightBytesNamesTheProbe(int quoted) throws Exception {
    BulkSpec spec = spec();
    byte[] icmp = IcmpErrorEncoder.icmpV4(11, 0, 0, Arrays.copyOf(probe(spec, 1), quoted),
        IcmpExtensions.NONE, true);
    ReplyBatch batch = new ReplyBatch(4);
    new RawReplyReader(spec, IDENT).read(icmp, 0, icmp.length, ROUTER, 0, 250, 5_000_000L, batch);
    assertThat(batch.count).isEqualTo(1);
    assertThat(batch.target[0]).isEqualTo(1);
    assertThat(batch.ttl[0]).isEqualTo(ReplyBatch.FROM_SEQUENCE);
    assertThat(batch.index[0]).isEqualTo(SEQUENCE);
    assertThat(batch.kind(0)).isEqualTo(ReplyKind.TIME_EXCEEDED);

    byte[] rewritten = probe(spec, 1);
    spec.targets().copyAddress(0, rewritten, 16); // a middlebox rewrote the destination
    byte[] other = IcmpErrorEncoder.icmpV4(11, 0, 0, Arrays.copyOf(rewritten, quoted),
        IcmpExtensions.NONE, true);
    ReplyBatch none = new ReplyBatch(4);
    new RawReplyReader(spec, IDENT).read(other, 0, other.length, ROUTER, 0, 250, 5_000_000L,
        none);
    assertThat(none.count).isZero();
    assertThat(none.unmatched).isEqualTo(1);
  }

  @Test
  void theDestinationsSynAckOrRstAcknowledgingTheSequenceIsItsAnswer() throws Exception {
    BulkSpec spec = spec();
    byte[] p = probe(spec, 1);
    long ack = (u32(p, 24) + 1) & 0xffffffffL;
    byte[] destination = Arrays.copyOfRange(p, 16, 20);
    ReplyBatch open = readTcp(spec, answer(443, IDENT, ack, 0x12), destination);
    assertThat(open.count).isEqualTo(1);
    assertThat(open.kind(0)).isEqualTo(ReplyKind.TCP_OPEN);
    assertThat(open.target[0]).isEqualTo(1);
    assertThat(open.index[0]).isEqualTo(SEQUENCE);
    assertThat(open.replyTtl[0]).isEqualTo(60);
    ReplyBatch refused = readTcp(spec, answer(443, IDENT, ack, 0x14), destination);
    assertThat(refused.kind(0)).isEqualTo(ReplyKind.TCP_REFUSED);
  }

  @Test
  void segmentsThatAnswerNoProbeOfOursAreCounted() throws Exception {
    BulkSpec spec = spec();
    byte[] p = probe(spec, 1);
    long ack = (u32(p, 24) + 1) & 0xffffffffL;
    byte[] destination = Arrays.copyOfRange(p, 16, 20);
    byte[] otherDestination = {(byte) 198, 18, 3, 2};
    List<ReplyBatch> wrong = List.of(
        readTcp(spec, answer(443, IDENT, (u32(probe(spec, 0), 24) + 1) & 0xffffffffL, 0x12),
            destination), // acknowledges the SYN sent to the other destination
        readTcp(spec, answer(443, IDENT, ack, 0x12), otherDestination), // another's check
        readTcp(spec, answer(80, IDENT, ack, 0x12), destination), // another port
        readTcp(spec, answer(443, IDENT + 1, ack, 0x12), destination), // another program
        readTcp(spec, answer(443, IDENT, ack, 0x02), destination), // a SYN, no ACK
        readTcp(spec, answer(443, IDENT, ack, 0x04), destination)); // RST without ACK
    assertThat(wrong).allSatisfy(b -> {
      assertThat(b.count).isZero();
      assertThat(b.unmatched).isEqualTo(1);
    });
    ReplyBatch cut = readTcp(spec, Arrays.copyOf(answer(443, IDENT, ack, 0x12), 12), destination);
    assertThat(cut.malformed).isEqualTo(1);
  }

  @Test
  void tcpProbesAreBareSynsAndNeedRawSockets() throws Exception {
    TargetTable targets = TargetTable.of(List.of(InetAddress.getByName("198.18.3.2")));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        new BulkSpec(targets, Protocol.TCP, ProbeMode.UNPRIVILEGED, false, 80, 40, 0, 1))
        .withMessageContaining("use --mode raw, or UDP (default) or ICMP (-I)");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        new BulkSpec(targets, Protocol.TCP, ProbeMode.RAW, false, 80, 60, 0, 1))
        .withMessageContaining("bare SYNs of 40 bytes");
  }
}
