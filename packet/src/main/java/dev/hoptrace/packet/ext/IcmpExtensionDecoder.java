package dev.hoptrace.packet.ext;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an RFC 4884 ICMP extension structure: a header, then objects up to the end of the
 * message.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|      (Reserved)       |           Checksum            |   RFC 4884 §7
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Length            |   Class-Num   |   C-Type      |   RFC 4884 §8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   // (Object payload) //                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>A structure that fails validation (version other than 2, a non-zero checksum that does not
 * verify, an object length below 4 or past the end) throws {@link MalformedPacketException} and
 * yields no objects at all, so a corrupted structure never produces labels. Callers decoding a
 * whole ICMP message keep the rest of it: the message decoder reports the problem beside an empty
 * {@link IcmpExtensions}.
 */
public final class IcmpExtensionDecoder {
  public static final int VERSION = 2;
  public static final int HEADER_LENGTH = 4;
  public static final int CLASS_MPLS = 1;
  public static final int CTYPE_MPLS_INCOMING_STACK = 1;
  public static final int CLASS_INTERFACE_INFORMATION = 2;

  private IcmpExtensionDecoder() {}

  public static IcmpExtensions decode(ByteBuffer structure) throws MalformedPacketException {
    Wire.Slice s = Wire.slice(structure);
    return decode(s.array(), s.offset(), s.length());
  }

  /**
   * @param b the bytes
   * @param off where the extension header starts (for the Linux error queue: {@code
   *     ee_rfc4884.len} into the payload)
   * @param len bytes from {@code off} to the end of the ICMP message
   */
  public static IcmpExtensions decode(byte[] b, int off, int len)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, HEADER_LENGTH, "ICMP extension header", off);
    int version = Wire.u8(b, off) >>> 4;
    if (version != VERSION) {
      throw new MalformedPacketException(
          "ICMP extension version " + version + " != 2 at offset " + off);
    }
    int checksum = Wire.u16(b, off + 2);
    // RFC 4884 §7: zero means no checksum was sent.
    if (checksum != 0 && Checksum.of(b, off, len) != 0) {
      throw new MalformedPacketException(String.format(
          "ICMP extension checksum 0x%04x does not verify at offset %d", checksum, off));
    }
    List<MplsLabelStackEntry> labels = new ArrayList<>();
    List<InterfaceInformation> interfaces = new ArrayList<>();
    List<ExtensionObject> others = new ArrayList<>();
    int end = off + len;
    // Each object takes at least 4 bytes, so len / 4 iterations bound the loop.
    for (int pos = off + HEADER_LENGTH, n = 0; pos < end && n < len / 4; n++) {
      Wire.require(end - pos, 4, "ICMP extension object header", pos);
      int objectLength = Wire.u16(b, pos);
      if (objectLength < 4) {
        throw new MalformedPacketException(
            "ICMP extension object length " + objectLength + " < 4 at offset " + pos);
      }
      if (objectLength > end - pos) {
        throw new MalformedPacketException("ICMP extension object length " + objectLength
            + " runs past the end (" + (end - pos) + " bytes left) at offset " + pos);
      }
      int classNum = Wire.u8(b, pos + 2);
      int cType = Wire.u8(b, pos + 3);
      int p = pos + 4;
      int plen = objectLength - 4;
      if (classNum == CLASS_MPLS && cType == CTYPE_MPLS_INCOMING_STACK) {
        decodeLabels(b, p, plen, labels);
      } else if (classNum == CLASS_INTERFACE_INFORMATION) {
        interfaces.add(InterfaceInformationCodec.decode(cType, b, p, plen));
      } else {
        others.add(new ExtensionObject(classNum, cType, Arrays.copyOfRange(b, p, p + plen)));
      }
      pos += objectLength;
    }
    return new IcmpExtensions(labels, interfaces, others);
  }

  /**
   * RFC 4950 §7, one entry per 4 bytes, outermost first.
   *
   * <pre>
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * |                 Label                 | TC  |S|      TTL      |
   * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
   * </pre>
   */
  private static void decodeLabels(byte[] b, int off, int len, List<MplsLabelStackEntry> out)
      throws MalformedPacketException {
    if (len == 0 || len % 4 != 0) {
      throw new MalformedPacketException(
          "MPLS label stack object payload " + len + " bytes, not a positive multiple of 4"
              + " at offset " + off);
    }
    for (int i = off; i < off + len; i += 4) {
      int entry = Wire.i32(b, i);
      out.add(new MplsLabelStackEntry(
          entry >>> 12, entry >>> 9 & 0b111, (entry & 0x100) != 0, entry & 0xff));
    }
  }
}
