package dev.hoptrace.linux;

import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.ext.IcmpExtensionDecoder;

/** The RFC 4884 decoder sessions use by default: the packet module's. */
final class Extensions {
  private Extensions() {}

  static ExtensionDecoding defaultDecoder() {
    return (payload, offset) -> {
      try {
        return IcmpExtensionDecoder.decode(payload, offset, payload.length - offset);
      } catch (IndexOutOfBoundsException e) {
        // Bounds are the decoder's job; should it miss one, the structure is still just malformed.
        throw new MalformedPacketException("ICMP extension out of bounds: " + e.getMessage());
      }
    };
  }
}
