package dev.hoptrace.linux;

import dev.hoptrace.packet.MalformedPacketException;
import dev.hoptrace.packet.ext.IcmpExtensions;

/**
 * Decodes the RFC 4884 extension structure found at {@code offset} of an ICMP error's returned
 * payload (MPLS labels, RFC 5837 interface information). Sessions hand it the bytes; the wire
 * format itself belongs to the {@code packet} module.
 */
@FunctionalInterface
public interface ExtensionDecoding {

  /** Decoder that reports no extensions, used until a real one is wired in. */
  ExtensionDecoding NONE = (payload, offset) -> IcmpExtensions.NONE;

  /**
   * @param payload the bytes after the ICMP header (raw) or what the error queue returned
   * @param offset where the extension structure starts in {@code payload}
   * @return the extensions; {@link IcmpExtensions#NONE} when there are none
   * @throws MalformedPacketException when the structure is malformed (never anything else)
   */
  IcmpExtensions decode(byte[] payload, int offset) throws MalformedPacketException;
}
