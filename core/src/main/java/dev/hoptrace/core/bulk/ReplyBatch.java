package dev.hoptrace.core.bulk;

import dev.hoptrace.core.net.ReplyKind;

/**
 * Replies received in one batch ({@code recvmmsg}), decoded from their stamp and tied to a
 * destination, as parallel arrays made once and reused. A transport adds only replies that pass
 * the destination check; everything else it counts in {@link #unmatched} or {@link #malformed}.
 */
public final class ReplyBatch {
  private static final ReplyKind[] KINDS = ReplyKind.values();
  /**
   * {@link #ttl} of a reply whose quote was too short to hold the stamp: {@link #index} then holds
   * the probe's position in its trace ({@link ProbeBatch#sequence}), and the send time is the
   * engine's to look up.
   */
  public static final int FROM_SEQUENCE = -1;

  public final int[] target;
  public final int[] ttl;
  public final int[] index;
  public final long[] sentAt;
  public final long[] receivedAt;
  public final byte[] kind;
  public final int[] icmpType;
  public final int[] icmpCode;
  public final int[] mtu;
  public final int[] replyTtl;
  /** Responder addresses, 16 bytes per reply (IPv4 in the first 4). */
  public final byte[] responder;
  public int count;
  /** Replies that carry no stamp of this run for a known destination (running total). */
  public long unmatched;
  /** Packets that could not be decoded (running total). */
  public long malformed;

  public ReplyBatch(int capacity) {
    target = new int[capacity];
    ttl = new int[capacity];
    index = new int[capacity];
    sentAt = new long[capacity];
    receivedAt = new long[capacity];
    kind = new byte[capacity];
    icmpType = new int[capacity];
    icmpCode = new int[capacity];
    mtu = new int[capacity];
    replyTtl = new int[capacity];
    responder = new byte[capacity * 16];
  }

  public int capacity() {
    return target.length;
  }

  public boolean full() {
    return count == target.length;
  }

  /** Appends a reply; the caller then copies the responder into {@code responder[16 × i..]}. */
  public int add(int target, int ttl, int index, long sentAt, long receivedAt, ReplyKind kind,
      int icmpType, int icmpCode, int mtu, int replyTtl) {
    int i = count++;
    this.target[i] = target;
    this.ttl[i] = ttl;
    this.index[i] = index;
    this.sentAt[i] = sentAt;
    this.receivedAt[i] = receivedAt;
    this.kind[i] = (byte) kind.ordinal();
    this.icmpType[i] = icmpType;
    this.icmpCode[i] = icmpCode;
    this.mtu[i] = mtu;
    this.replyTtl[i] = replyTtl;
    return i;
  }

  /**
   * Appends a reply whose quote held only the headers: the probe is known by its position in its
   * trace, its send time by the engine. The caller then copies the responder.
   */
  public int addBySequence(int target, int sequence, long receivedAt, ReplyKind kind,
      int icmpType, int icmpCode, int mtu, int replyTtl) {
    return add(target, FROM_SEQUENCE, sequence, 0, receivedAt, kind, icmpType, icmpCode, mtu,
        replyTtl);
  }

  public ReplyKind kind(int i) {
    return KINDS[kind[i]];
  }

  public void clear() {
    count = 0;
  }
}
