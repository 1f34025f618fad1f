package dev.hoptrace.packet;

/**
 * Bytes that cannot be what they claim to be: a field lies about a length, a version is wrong, or a
 * structure runs past its bounds. Truncation that the RFCs allow (a short ICMP quote) is not
 * malformed; decoders return a partial result for it instead.
 */
public final class MalformedPacketException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and where, e.g. "IPv4 header length 4 words < 5 at offset 0"
   */
  public MalformedPacketException(String message) {
    super(message);
  }
}
