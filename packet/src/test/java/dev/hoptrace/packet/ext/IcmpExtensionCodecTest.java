package dev.hoptrace.packet.ext;

import static dev.hoptrace.packet.Captures.hex;
import static dev.hoptrace.packet.Captures.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IcmpExtensionCodecTest {

  private static IcmpExtensions decode(byte[] b) throws MalformedPacketException {
    return IcmpExtensionDecoder.decode(b, 0, b.length);
  }

  private static IcmpExtensions roundTrip(IcmpExtensions e) throws MalformedPacketException {
    byte[] bytes = IcmpExtensionEncoder.encode(e);
    assertThat(Checksum.of(bytes, 0, bytes.length)).isZero();
    IcmpExtensions back = decode(bytes);
    assertThat(back.mplsLabels()).isEqualTo(e.mplsLabels());
    assertThat(back.interfaces()).isEqualTo(e.interfaces());
    assertThat(back.others()).hasSameSizeAs(e.others());
    return back;
  }

  private static IcmpExtensions labels(MplsLabelStackEntry... entries) {
    return new IcmpExtensions(List.of(entries), List.of(), List.of());
  }

  /** Header (version 2, checksum filled) followed by {@code objects}. */
  private static byte[] structure(String objects) {
    byte[] b = hex("20000000" + objects);
    Wire.put16(b, 2, Checksum.of(b, 0, b.length));
    return b;
  }

  @Test
  void decodesTwoLabelStackAsBuiltForTheLinuxErrorQueueCheck() throws Exception {
    // labels 16005 and 24001 (linux-probing.md §5.5): TC 0, S on the inner one, TTL 1.
    byte[] b = structure("000c0101" + "03e85001" + "05dc1101");

    assertThat(decode(b).mplsLabels()).containsExactly(
        new MplsLabelStackEntry(16005, 0, false, 1), new MplsLabelStackEntry(24001, 0, true, 1));
  }

  @Test
  void roundTripsEveryTrafficClassAndBottomOfStack() throws Exception {
    List<MplsLabelStackEntry> all = new ArrayList<>();
    for (int tc = 0; tc <= 7; tc++) {
      all.add(new MplsLabelStackEntry(tc * 1000, tc, false, 255 - tc));
      all.add(new MplsLabelStackEntry(tc * 1000 + 1, tc, true, tc));
    }
    roundTrip(new IcmpExtensions(all, List.of(), List.of()));
  }

  @Test
  void roundTripsLabelBoundariesAndEveryTtl() throws Exception {
    roundTrip(labels(new MplsLabelStackEntry(0, 0, false, 0),
        new MplsLabelStackEntry((1 << 20) - 1, 7, true, 255)));
    for (int ttl = 0; ttl <= 255; ttl++) {
      roundTrip(labels(new MplsLabelStackEntry(1 << ttl % 20, ttl % 8, ttl % 2 == 0, ttl)));
    }
  }

  @Test
  void labelOutsideTwentyBitsIsRejectedByTheEncoder() {
    assertThatThrownBy(() -> IcmpExtensionEncoder.encode(labels(
        new MplsLabelStackEntry(1 << 20, 0, true, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripsInterfaceInformationInEveryShape() throws Exception {
    for (int role = 0; role <= 3; role++) {
      for (int bits = 0; bits < 16; bits++) {
        var info = new InterfaceInformation(role,
            (bits & 8) != 0 ? OptionalInt.of(7 + role) : OptionalInt.empty(),
            (bits & 4) != 0
                ? Optional.of(role % 2 == 0 ? ip("192.0.2.9") : ip("2001:db8::9"))
                : Optional.empty(),
            (bits & 2) != 0 ? Optional.of("ge-0/0/" + "x".repeat(bits)) : Optional.empty(),
            (bits & 1) != 0 ? OptionalInt.of(9000) : OptionalInt.empty());
        roundTrip(new IcmpExtensions(List.of(), List.of(info), List.of()));
      }
    }
  }

  @Test
  void decodesRfc5837IncomingInterfaceWithEverySubObject() throws Exception {
    // role 0 (incoming), ifIndex, IPv4 address, name "eth1", MTU: C-Type 0b00001111.
    byte[] b = structure("001c020f" + "00000003" + "00010000c0000201" + "0865746831000000"
        + "000005dc");
    InterfaceInformation info = decode(b).interfaces().getFirst();

    assertThat(info).isEqualTo(new InterfaceInformation(0, OptionalInt.of(3),
        Optional.of(ip("192.0.2.1")), Optional.of("eth1"), OptionalInt.of(1500)));
  }

  @Test
  void unknownClassIsKeptRaw() throws Exception {
    ExtensionObject o = decode(structure("00080305cafebabe")).others().getFirst();
    assertThat(o.classNum()).isEqualTo(3);
    assertThat(o.cType()).isEqualTo(5);
    assertThat(o.payload()).isEqualTo(hex("cafebabe"));
  }

  @Test
  void zeroChecksumMeansNoneWasSent() throws Exception {
    assertThat(decode(hex("20000000" + "000801010000a1ff")).mplsLabels()).hasSize(1);
  }

  @Test
  void wrongChecksumIsRejectedWithoutLabels() {
    byte[] b = structure("000801010000a1ff");
    b[7] ^= 1;
    assertThatThrownBy(() -> decode(b))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("checksum").hasMessageContaining("does not verify at offset 0");
  }

  @Test
  void versionOneIsRejected() {
    assertThatThrownBy(() -> decode(hex("10000000000801010000a1ff")))
        .hasMessage("ICMP extension version 1 != 2 at offset 0");
  }

  @Test
  void objectLengthZeroIsMalformed() {
    assertThatThrownBy(() -> decode(structure("00000101")))
        .hasMessage("ICMP extension object length 0 < 4 at offset 4");
  }

  @Test
  void objectLengthThreeIsMalformed() {
    assertThatThrownBy(() -> decode(structure("00030101")))
        .hasMessage("ICMP extension object length 3 < 4 at offset 4");
  }

  @Test
  void objectLengthPastTheEndIsMalformed() {
    assertThatThrownBy(() -> decode(structure("000c01010000a1ff")))
        .hasMessage("ICMP extension object length 12 runs past the end (8 bytes left) at offset 4");
  }

  @Test
  void trailingBytesShorterThanAnObjectHeaderAreMalformed() {
    assertThatThrownBy(() -> decode(structure("000801010000a1ff" + "0008")))
        .hasMessage("ICMP extension object header needs 4 bytes, 2 available at offset 12");
  }

  @Test
  void mplsPayloadNotAMultipleOfFourIsMalformed() {
    assertThatThrownBy(() -> decode(structure("000601010000")))
        .hasMessageContaining("MPLS label stack object payload 2 bytes");
  }

  @Test
  void interfaceAddressFamilyOtherThanOneOrTwoIsMalformed() {
    assertThatThrownBy(() -> decode(structure("000c0204" + "00030000c0000201")))
        .hasMessage("RFC 5837 address family 3 is neither 1 nor 2 at offset 8");
  }

  @Test
  void interfaceNameLengthZeroIsMalformed() {
    assertThatThrownBy(() -> decode(structure("00080202" + "00000000")))
        .hasMessage("RFC 5837 name length 0 at offset 8");
  }

  @Test
  void interfaceObjectWithBytesItsCTypeDoesNotAnnounceIsMalformed() {
    assertThatThrownBy(() -> decode(structure("000c0201" + "000005dc" + "00000000")))
        .hasMessageContaining("bytes its C-Type does not account for");
  }

  @Test
  void headerShorterThanFourBytesIsMalformed() {
    assertThatThrownBy(() -> decode(hex("2000")))
        .hasMessage("ICMP extension header needs 4 bytes, 2 available at offset 0");
  }

  @Test
  void headerAloneHasNoObjects() throws Exception {
    assertThat(decode(IcmpExtensionEncoder.encode(IcmpExtensions.NONE)).isEmpty()).isTrue();
  }
}
