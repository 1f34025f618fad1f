package dev.hoptrace.packet;

/**
 * Where a raw SYN carries its probe's sequence. A bare SYN carries it as it is, and the
 * destination's SYN-ACK or RST acknowledges it + 1. A SYN with data (path MTU discovery) is
 * answered by a SYN-ACK that acknowledges the SYN alone but by a RST that acknowledges the data
 * too (RFC 793 §3.4: ACK = SEG.SEQ + SEG.LEN); so such a SYN carries the sequence in the upper 16
 * bits, and since its data is shorter than 65536 bytes, ack − 1 gives the sequence back either way.
 */
public final class SynSequence {
  private SynSequence() {}

  /** The TCP sequence number of a probe's SYN. */
  public static long onWire(int sequence, boolean withData) {
    return withData ? (long) sequence << 16 : sequence;
  }

  /** The probe sequence a quoted SYN carried. */
  public static long fromQuote(long tcpSequence, boolean withData) {
    return withData ? tcpSequence >>> 16 : tcpSequence;
  }

  /** The probe sequence an answer's acknowledgment number gives back. */
  public static long fromAck(long acknowledgment, boolean withData) {
    long sequence = (acknowledgment - 1) & 0xffffffffL;
    return withData ? sequence >>> 16 : sequence;
  }
}
