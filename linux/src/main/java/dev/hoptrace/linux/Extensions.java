package dev.hoptrace.linux;

/** Chooses the RFC 4884 extension decoder; the seam to the packet module's decoder. */
final class Extensions {
  private Extensions() {}

  static IcmpExtensionDecoder defaultDecoder() {
    return IcmpExtensionDecoder.NONE;
  }
}
