package dev.hoptrace.packet;

/**
 * Where a raw SYN carries its probe's sequence. A bare SYN carries it as it is, and the
 * destination's SYN-ACK or RST acknowledges it + 1. A SYN with data (path MTU discovery) is
 * answered by a SYN-ACK that acknowledges the SYN alone but by a RST that acknowledges the data
 * too (RFC 793 §3.4: ACK = SEG.SEQ + SEG.LEN); so such a SYN carries the sequence in the upper 16
 * bits of its sequence number, and since its data is shorter than 65536 bytes, ack − 1 with the
 * lower 16 bits cleared gives that sequence number back either way. A quote of the SYN (Time
 * Exceeded) carries it unchanged.
 */
public final class SynSequence {
  private SynSequence() {}

  /** The TCP sequence number of a probe's SYN. */
  public static long onWire(int sequence, boolean withData) {
    return withData ? (long) sequence << 16 : sequence;
  }

  /** The sequence number of the SYN an answer's acknowledgment number answers. */
  public static long fromAck(long acknowledgment, boolean withData) {
    long acknowledged = (acknowledgment - 1) & 0xffffffffL;
    return withData ? acknowledged & 0xffff0000L : acknowledged;
  }
}
