package dev.hoptrace.core.bulk;

/**
 * Probes to send in one batch ({@code sendmmsg}), as parallel arrays made once and reused: the
 * engine fills destination, TTL, index and sequence; the transport fills the send time.
 */
public final class ProbeBatch {
  public final int[] target;
  public final int[] ttl;
  public final int[] index;
  /** The probe's position in its trace: (TTL - 1) × probes per hop + index. */
  public final int[] sequence;
  public final long[] sentAt;
  public int count;

  public ProbeBatch(int capacity) {
    target = new int[capacity];
    ttl = new int[capacity];
    index = new int[capacity];
    sequence = new int[capacity];
    sentAt = new long[capacity];
  }

  public int capacity() {
    return target.length;
  }

  public void add(int target, int ttl, int index, int sequence) {
    int i = count++;
    this.target[i] = target;
    this.ttl[i] = ttl;
    this.index[i] = index;
    this.sequence[i] = sequence;
  }

  public void clear() {
    count = 0;
  }
}
