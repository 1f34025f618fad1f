package dev.hoptrace.packet;

/**
 * The 8-byte ICMP header (RFC 792). The second word means different things per type; accessors
 * name each reading.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Echo: Identifier             |  Echo: Sequence Number        |
 * |  Errors: unused | Length (RFC 4884) | Next-Hop MTU (RFC 1191) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Echo: data; errors: internet header + original data ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * @param restOfHeader the second 32-bit word, raw
 */
public record IcmpV4(int type, int code, int checksum, int restOfHeader) {

  public static final int LENGTH = 8;
  public static final int ECHO_REPLY = 0;
  public static final int DESTINATION_UNREACHABLE = 3;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;
  public static final int PARAMETER_PROBLEM = 12;
  /** Destination Unreachable code "fragmentation needed and DF set". */
  public static final int CODE_FRAGMENTATION_NEEDED = 4;

  public IcmpV4 {
    Fields.check("type", type, 0xff);
    Fields.check("code", code, 0xff);
    Fields.check("checksum", checksum, 0xffff);
  }

  public static IcmpV4 decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, LENGTH, "ICMP header", off);
    return new IcmpV4(Wire.u8(b, off), Wire.u8(b, off + 1), Wire.u16(b, off + 2),
        Wire.i32(b, off + 4));
  }

  /** A whole ICMP message: header and body, with the checksum computed over both. */
  public static byte[] encode(int type, int code, int restOfHeader, byte[] body) {
    Fields.check("type", type, 0xff);
    Fields.check("code", code, 0xff);
    byte[] out = new byte[LENGTH + body.length];
    Wire.put8(out, 0, type);
    Wire.put8(out, 1, code);
    Wire.put32(out, 4, restOfHeader & 0xffffffffL);
    System.arraycopy(body, 0, out, LENGTH, body.length);
    Wire.put16(out, 2, Checksum.of(out, 0, out.length));
    return out;
  }

  /** An echo request (type 8) carrying {@code data}. */
  public static byte[] echoRequest(int identifier, int sequence, byte[] data) {
    return encode(ECHO_REQUEST, 0, echoWord(identifier, sequence), data);
  }

  public static int echoWord(int identifier, int sequence) {
    Fields.check("identifier", identifier, 0xffff);
    Fields.check("sequence", sequence, 0xffff);
    return identifier << 16 | sequence;
  }

  public boolean isEcho() {
    return type == ECHO_REPLY || type == ECHO_REQUEST;
  }

  /** Types that quote the offending datagram (RFC 792: 3, 4 Source Quench, 5 Redirect, 11, 12). */
  public boolean isError() {
    return type == DESTINATION_UNREACHABLE || type == 4 || type == 5 || type == TIME_EXCEEDED
        || type == PARAMETER_PROBLEM;
  }

  public int echoIdentifier() {
    return restOfHeader >>> 16;
  }

  public int echoSequence() {
    return restOfHeader & 0xffff;
  }

  /** The next-hop MTU of a Fragmentation Needed message (RFC 1191 §4); 0 from old routers. */
  public int nextHopMtu() {
    return restOfHeader & 0xffff;
  }

  /** The RFC 4884 length attribute (byte 5): original datagram length in 32-bit words. */
  public int lengthAttribute() {
    return restOfHeader >>> 16 & 0xff;
  }

  /** The Parameter Problem pointer (byte 4). */
  public int pointer() {
    return restOfHeader >>> 24;
  }
}
