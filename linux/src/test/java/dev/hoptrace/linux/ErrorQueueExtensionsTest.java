package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.packet.ext.IcmpExtensionEncoder;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorQueueExtensionsTest {
  private static final List<MplsLabelStackEntry> LABELS = List.of(
      new MplsLabelStackEntry(24001, 5, false, 1), new MplsLabelStackEntry(16005, 0, true, 2));
  /** What the kernel reports for a 128-byte UDP original datagram: 128 - 20 - 8. */
  private static final int OFFSET = 100;
  private static final ExtensionDecoding DECODER = Extensions.defaultDecoder();

  /** An error-queue payload: the probe's bytes, zero-padded to OFFSET, then the structure. */
  private static byte[] payload(byte[] structure) {
    byte[] payload = Arrays.copyOf(new byte[OFFSET], OFFSET + structure.length);
    System.arraycopy(structure, 0, payload, OFFSET, structure.length);
    return payload;
  }

  private static byte[] mpls() {
    return IcmpExtensionEncoder.encode(new IcmpExtensions(LABELS, List.of(), List.of()));
  }

  @Test
  void aValidStructureYieldsTheLabelStack() {
    var found = ErrorQueueExtensions.find(OFFSET, 0, payload(mpls()), DECODER);

    assertThat(found.extensions().mplsLabels()).isEqualTo(LABELS);
    assertThat(found.dropped()).isNull();
  }

  @Test
  void noOffsetMeansNoStructureAndNothingDropped() {
    var found = ErrorQueueExtensions.find(0, 0, payload(mpls()), DECODER);

    assertThat(found.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(found.dropped()).isNull();
  }

  @Test
  void aStructureTheKernelMarkedInvalidIsDroppedAndSaidSo() {
    var found = ErrorQueueExtensions.find(
        OFFSET, LinuxConstants.SO_EE_RFC4884_FLAG_INVALID, payload(mpls()), DECODER);

    assertThat(found.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(found.dropped()).contains("invalid");
  }

  @Test
  void anOffsetPastThePayloadIsDropped() {
    byte[] payload = payload(mpls());

    for (int offset : new int[] {payload.length - 3, payload.length, 0xffff}) {
      var found = ErrorQueueExtensions.find(offset, 0, payload, DECODER);
      assertThat(found.extensions()).isEqualTo(IcmpExtensions.NONE);
      assertThat(found.dropped()).contains("offset " + offset);
    }
  }

  @Test
  void aTruncatedObjectIsDroppedWithoutLabels() {
    byte[] structure = mpls();
    byte[] cut = Arrays.copyOf(structure, structure.length - 4);
    cut[2] = 0; // no checksum, so that the object length is what fails
    cut[3] = 0;

    var found = ErrorQueueExtensions.find(OFFSET, 0, payload(cut), DECODER);

    assertThat(found.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(found.dropped()).contains("runs past the end");
  }

  @Test
  void aBadChecksumIsDropped() {
    byte[] structure = mpls();
    structure[structure.length - 1] ^= 0x01;

    var found = ErrorQueueExtensions.find(OFFSET, 0, payload(structure), DECODER);

    assertThat(found.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(found.dropped()).contains("checksum");
  }
}
