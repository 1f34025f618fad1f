package dev.hoptrace.linux;

import dev.hoptrace.linux.ffm.LinuxConstants;
import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.ext.IcmpExtensionDecoder;
import dev.hoptrace.packet.ext.IcmpExtensions;

/**
 * Finds the RFC 4884 extension structure in an error-queue payload from what the kernel reports
 * in {@code sock_extended_err.ee_rfc4884} once {@code IP_RECVERR_RFC4884} / {@code
 * IPV6_RECVERR_RFC4884} is set (Linux ≥ 5.9):
 *
 * <pre>
 * struct sock_ee_data_rfc4884 {  // the ee_data union, sock_extended_err + 12
 *   __u16 len;                   // where the extension structure starts in the payload; 0: none
 *   __u8  flags;                 // SO_EE_RFC4884_FLAG_INVALID: failed the kernel's validation
 *   __u8  reserved;
 * };
 * </pre>
 *
 * The kernel strips the headers it consumed from the payload and subtracts them from {@code len},
 * so the structure runs from {@code len} to the end of the payload.
 */
final class ErrorQueueExtensions {
  private ErrorQueueExtensions() {}

  /**
   * What was found: the extensions, and why a structure that was there was dropped (null when
   * nothing was dropped).
   */
  record Found(IcmpExtensions extensions, String dropped) {
    static final Found NOTHING = new Found(IcmpExtensions.NONE, null);

    static Found dropped(String why) {
      return new Found(IcmpExtensions.NONE, "RFC 4884 extension dropped: " + why);
    }
  }

  /**
   * @param length {@code ee_rfc4884.len}
   * @param flags {@code ee_rfc4884.flags}
   * @param payload the bytes the error queue returned
   */
  static Found find(int length, int flags, byte[] payload, ExtensionDecoding decoder) {
    if (length == 0) {
      return Found.NOTHING;
    }
    if ((flags & LinuxConstants.SO_EE_RFC4884_FLAG_INVALID) != 0) {
      return Found.dropped("the kernel marked it invalid (length or checksum)");
    }
    if (length > payload.length - IcmpExtensionDecoder.HEADER_LENGTH) {
      return Found.dropped("offset " + length + " leaves no room for its header in "
          + payload.length + " returned bytes");
    }
    try {
      return new Found(decoder.decode(payload, length), null);
    } catch (MalformedPacketException e) {
      return Found.dropped(e.getMessage());
    }
  }
}
