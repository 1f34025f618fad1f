package dev.hoptrace.packet.ext;

import dev.hoptrace.packet.Checksum;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.Wire;
import java.util.OptionalInt;

/**
 * Finds where the RFC 4884 extension structure of a whole ICMP or ICMPv6 error message starts.
 *
 * <p>Compliant form (RFC 4884 §4): the length attribute (ICMP byte 5 in 32-bit words, ICMPv6 byte
 * 4 in 64-bit words) gives the original datagram's padded length, at least 128 bytes. Non-compliant
 * form (RFC 4884 §5.5): the attribute is 0 and the structure follows a 128-byte original
 * datagram; as the message does not announce it, it is accepted only when a version-2 header with
 * a non-zero checksum that verifies is found there.
 */
public final class IcmpExtensionLocator {
  /** The original datagram length RFC 4884 §4 requires when extensions follow. */
  public static final int MIN_ORIGINAL_DATAGRAM = 128;

  private static final int ICMP_HEADER = 8;

  private IcmpExtensionLocator() {}

  /**
   * @param version 4 for an ICMP message, 6 for ICMPv6
   * @param b the bytes
   * @param off where the ICMP header starts
   * @param len the message length
   * @return the array offset of the extension header, or empty when there is none
   */
  public static OptionalInt locate(int version, byte[] b, int off, int len)
      throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, ICMP_HEADER, version == 6 ? "ICMPv6 header" : "ICMP header", off);
    int type = Wire.u8(b, off);
    // RFC 4884 §4.1-§4.5: only these types carry the length attribute.
    boolean eligible =
        version == 6 ? type == 1 || type == 3 : type == 3 || type == 11 || type == 12;
    if (!eligible) {
      return OptionalInt.empty();
    }
    int attribute = version == 6 ? Wire.u8(b, off + 4) : Wire.u8(b, off + 5);
    if (attribute != 0) {
      int quote = attribute * (version == 6 ? 8 : 4);
      int start = ICMP_HEADER + quote;
      // A shorter datagram field is not RFC 4884 (§4); nothing past the end is not a structure.
      if (quote < MIN_ORIGINAL_DATAGRAM || start + IcmpExtensionDecoder.HEADER_LENGTH > len) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(off + start);
    }
    int start = ICMP_HEADER + MIN_ORIGINAL_DATAGRAM;
    if (start + IcmpExtensionDecoder.HEADER_LENGTH > len) {
      return OptionalInt.empty();
    }
    int s = off + start;
    boolean looksLikeStructure = Wire.u8(b, s) >>> 4 == IcmpExtensionDecoder.VERSION
        && Wire.u16(b, s + 2) != 0 && Checksum.of(b, s, len - start) == 0;
    return looksLikeStructure ? OptionalInt.of(s) : OptionalInt.empty();
  }
}
