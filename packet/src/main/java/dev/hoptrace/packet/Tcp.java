package dev.hoptrace.packet;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TCP header (RFC 9293 §3.1). Options are kept raw. For a quote that may hold only the first 8
 * bytes, use {@code dev.hoptrace.packet.quote.QuotedTcp}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reserved the 4 reserved bits
 * @param flags the 8 control bits, CWR (0x80) down to FIN (0x01)
 * @param options raw options, {@code 4 * dataOffset - 20} bytes
 */
public record Tcp(
    int sourcePort,
    int destinationPort,
    long sequence,
    long acknowledgment,
    int reserved,
    int flags,
    int window,
    int checksum,
    int urgentPointer,
    byte[] options) {

  public static final int MIN_LENGTH = 20;
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  public Tcp {
    Fields.check("source port", sourcePort, 0xffff);
    Fields.check("destination port", destinationPort, 0xffff);
    Fields.check("sequence", sequence, 0xffffffffL);
    Fields.check("acknowledgment", acknowledgment, 0xffffffffL);
    Fields.check("reserved", reserved, 0xf);
    Fields.check("flags", flags, 0xff);
    Fields.check("window", window, 0xffff);
    Fields.check("checksum", checksum, 0xffff);
    Fields.check("urgent pointer", urgentPointer, 0xffff);
    if (options.length > 40 || options.length % 4 != 0) {
      throw new IllegalArgumentException("TCP options length " + options.length);
    }
    options = options.clone();
  }

  /** A SYN as a TCP traceroute probe sends it. */
  public static Tcp syn(int sourcePort, int destinationPort, long sequence, int window,
      byte[] options) {
    return new Tcp(sourcePort, destinationPort, sequence, 0, 0, SYN, window, 0, 0, options);
  }

  /** Decodes a complete header, options included. */
  public static Tcp decode(byte[] b, int off, int len) throws MalformedPacketException {
    Wire.checkRange(b, off, len);
    Wire.require(len, MIN_LENGTH, "TCP header", off);
    int dataOffset = Wire.u8(b, off + 12) >>> 4;
    if (dataOffset < 5) { // RFC 9293 §3.1: the header is at least 5 words
      throw new MalformedPacketException(
          "TCP data offset " + dataOffset + " words < 5 at offset " + off);
    }
    Wire.require(len, dataOffset * 4, "TCP header with options", off);
    return new Tcp(
        Wire.u16(b, off), Wire.u16(b, off + 2), Wire.u32(b, off + 4), Wire.u32(b, off + 8),
        Wire.u8(b, off + 12) & 0x0f, Wire.u8(b, off + 13), Wire.u16(b, off + 14),
        Wire.u16(b, off + 16), Wire.u16(b, off + 18),
        Arrays.copyOfRange(b, off + MIN_LENGTH, off + dataOffset * 4));
  }

  /** Header and payload with the checksum computed over the pseudo-header of src and dst. */
  public byte[] encode(InetAddress src, InetAddress dst, byte[] payload) {
    int n = headerLength();
    byte[] out = new byte[n + payload.length];
    Wire.put16(out, 0, sourcePort);
    Wire.put16(out, 2, destinationPort);
    Wire.put32(out, 4, sequence);
    Wire.put32(out, 8, acknowledgment);
    Wire.put8(out, 12, dataOffset() << 4 | reserved);
    Wire.put8(out, 13, flags);
    Wire.put16(out, 14, window);
    Wire.put16(out, 18, urgentPointer);
    System.arraycopy(options, 0, out, MIN_LENGTH, options.length);
    System.arraycopy(payload, 0, out, n, payload.length);
    Wire.put16(out, 16,
        Checksum.transport(src, dst, Ipv4Header.PROTOCOL_TCP, out, 0, out.length));
    return out;
  }

  /** The data offset field: header length in 32-bit words. */
  public int dataOffset() {
    return headerLength() / 4;
  }

  public int headerLength() {
    return MIN_LENGTH + options.length;
  }

  public boolean has(int flag) {
    return (flags & flag) == flag;
  }

  @Override
  public byte[] options() {
    return options.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tcp t
        && sourcePort == t.sourcePort && destinationPort == t.destinationPort
        && sequence == t.sequence && acknowledgment == t.acknowledgment
        && reserved == t.reserved && flags == t.flags && window == t.window
        && checksum == t.checksum && urgentPointer == t.urgentPointer
        && Arrays.equals(options, t.options);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sequence) * 31 + Arrays.hashCode(options);
  }

  @Override
  public String toString() {
    return "Tcp[" + sourcePort + " > " + destinationPort + ", seq " + sequence + ", ack "
        + acknowledgment + ", flags 0x" + Integer.toHexString(flags) + ", window " + window
        + ", checksum " + Wire.hex16(checksum) + ", options "
        + HexFormat.of().formatHex(options) + "]";
  }
}
