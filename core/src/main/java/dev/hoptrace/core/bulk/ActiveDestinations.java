package dev.hoptrace.core.bulk;

import java.util.Arrays;

/**
 * The destinations being traced right now, as slots of parallel arrays made once for the whole
 * run: per destination its progress, per hop which probes left and which were answered, per probe
 * what answered it. A slot is reused by the next destination once its trace is complete, so
 * memory is set by the number of destinations in progress, never by probes in flight.
 */
final class ActiveDestinations {
  static final int NONE = -1;

  final int hops;
  final int perHop;
  final int addressLength;

  // per slot
  final int[] target;
  final int[] generation;
  final int[] nextHop;
  final int[] highestAnswered;
  final int[] finalTtl;
  final boolean[] reached;
  final int[] probesSent;
  final long[] late;
  final long[] duplicates;
  final long[] firstSentAt;
  // per slot × hop
  final short[] sentMask;
  final short[] answeredMask;
  final boolean[] expired;
  // per slot × hop × probe
  final byte[] kind;
  /** The send time until the probe is answered, then its round-trip time. */
  final long[] rtt;
  final byte[] icmpType;
  final byte[] icmpCode;
  final short[] replyTtl;
  final int[] mtu;
  final byte[] responder;

  private final int[] free;
  private int freeCount;

  ActiveDestinations(int slots, int hops, int perHop, int addressLength) {
    this.hops = hops;
    this.perHop = perHop;
    this.addressLength = addressLength;
    target = new int[slots];
    generation = new int[slots];
    nextHop = new int[slots];
    highestAnswered = new int[slots];
    finalTtl = new int[slots];
    reached = new boolean[slots];
    probesSent = new int[slots];
    late = new long[slots];
    duplicates = new long[slots];
    firstSentAt = new long[slots];
    sentMask = new short[slots * hops];
    answeredMask = new short[slots * hops];
    expired = new boolean[slots * hops];
    int probes = slots * hops * perHop;
    kind = new byte[probes];
    rtt = new long[probes];
    icmpType = new byte[probes];
    icmpCode = new byte[probes];
    replyTtl = new short[probes];
    mtu = new int[probes];
    responder = new byte[probes * addressLength];
    free = new int[slots];
    for (int i = 0; i < slots; i++) {
      free[i] = slots - 1 - i;
    }
    freeCount = slots;
    Arrays.fill(target, NONE);
  }

  int capacity() {
    return target.length;
  }

  boolean hasFree() {
    return freeCount > 0;
  }

  int inUse() {
    return target.length - freeCount;
  }

  /** Takes a free slot for {@code destination}, cleared. */
  int take(int destination) {
    int s = free[--freeCount];
    target[s] = destination;
    generation[s] = (generation[s] + 1) & 0xffff;
    nextHop[s] = 0;
    highestAnswered[s] = 0;
    finalTtl[s] = Integer.MAX_VALUE;
    reached[s] = false;
    probesSent[s] = 0;
    late[s] = 0;
    duplicates[s] = 0;
    firstSentAt[s] = -1;
    Arrays.fill(sentMask, s * hops, (s + 1) * hops, (short) 0);
    Arrays.fill(answeredMask, s * hops, (s + 1) * hops, (short) 0);
    Arrays.fill(expired, s * hops, (s + 1) * hops, false);
    Arrays.fill(kind, s * hops * perHop, (s + 1) * hops * perHop, (byte) 0);
    return s;
  }

  void release(int s) {
    target[s] = NONE;
    free[freeCount++] = s;
  }

  /** Index of hop {@code h} (0-based from the first TTL) of slot {@code s}. */
  int hop(int s, int h) {
    return s * hops + h;
  }

  /** Index of probe {@code i} of hop {@code h} of slot {@code s}. */
  int probe(int s, int h, int i) {
    return (s * hops + h) * perHop + i;
  }

  boolean hopDone(int s, int h) {
    int at = hop(s, h);
    return expired[at] || answeredMask[at] == (1 << perHop) - 1;
  }
}
