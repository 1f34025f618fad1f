package dev.hoptrace.linux;

import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.ext.IcmpExtensionDecoder;
import dev.hoptrace.packet.ext.IcmpExtensions;

/** The RFC 4884 decoder sessions use by default: the packet module's, never throwing. */
final class Extensions {
  private Extensions() {}

  static ExtensionDecoding defaultDecoder() {
    return (payload, offset) -> {
      try {
        return IcmpExtensionDecoder.decode(payload, offset, payload.length - offset);
      } catch (MalformedPacketException | IndexOutOfBoundsException e) {
        // A structure that fails validation yields no objects (RFC 4884 §5.3 leaves it ignored).
        return IcmpExtensions.NONE;
      }
    };
  }
}
