package dev.hoptrace.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoptrace.core.net.Reply;
import dev.hoptrace.core.net.ReplySink;
import dev.hoptrace.core.net.WireKey;
import dev.hoptrace.linux.MessageReader.Received;
import dev.hoptrace.linux.ffm.ControlMessages.Ancillary;
import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.linux.ffm.SockExtendedErr;
import dev.hoptrace.packet.ext.IcmpExtensionEncoder;
import dev.hoptrace.packet.ext.IcmpExtensions;
import dev.hoptrace.packet.ext.MplsLabelStackEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Time Exceeded from the error queue keeps its reply whatever becomes of its extensions. */
class ErrorEntryDecoderTest {
  private static final WireKey KEY = new WireKey(40000, 33434, 1);
  private static final List<MplsLabelStackEntry> LABELS =
      List.of(new MplsLabelStackEntry(16005, 0, true, 1));

  private static Received timeExceeded(int flags) throws Exception {
    byte[] structure =
        IcmpExtensionEncoder.encode(new IcmpExtensions(LABELS, List.of(), List.of()));
    byte[] payload = Arrays.copyOf(new byte[100], 100 + structure.length);
    System.arraycopy(structure, 0, payload, 100, structure.length);
    // ee_data as the kernel's u16 len, u8 flags, u8 reserved read in native order.
    int data = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
        ? 100 | flags << 16 : 100 << 16 | flags << 8;
    SockExtendedErr ee = new SockExtendedErr(LinuxConstants.EHOSTUNREACH,
        LinuxConstants.SO_EE_ORIGIN_ICMP, 11, 0, 0, data,
        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 0));
    return new Received(null, payload, false, new Ancillary(250, 1_000, ee));
  }

  private static final class Sink implements ReplySink {
    final List<String> malformed = new ArrayList<>();

    @Override
    public void accept(Reply reply) {}

    @Override
    public void malformed(String why) {
      malformed.add(why);
    }
  }

  @Test
  void labelsReachTheReply() throws Exception {
    ErrorEntryDecoder decoder = new ErrorEntryDecoder(Extensions.defaultDecoder());
    Sink sink = new Sink();

    Reply reply = decoder.toReply(KEY, timeExceeded(0), 0);
    decoder.reportDropped(sink);

    assertThat(reply.extensions().mplsLabels()).isEqualTo(LABELS);
    assertThat(sink.malformed).isEmpty();
  }

  @Test
  void anInvalidStructureLeavesTheReplyAndIsCountedOnce() throws Exception {
    ErrorEntryDecoder decoder = new ErrorEntryDecoder(Extensions.defaultDecoder());
    Sink sink = new Sink();

    Reply reply =
        decoder.toReply(KEY, timeExceeded(LinuxConstants.SO_EE_RFC4884_FLAG_INVALID), 0);
    decoder.reportDropped(sink);
    decoder.reportDropped(sink);

    assertThat(reply.extensions()).isEqualTo(IcmpExtensions.NONE);
    assertThat(reply.responder()).isEqualTo(InetAddress.getByName("192.0.2.1"));
    assertThat(sink.malformed).hasSize(1).first().asString().contains("RFC 4884");
  }
}
