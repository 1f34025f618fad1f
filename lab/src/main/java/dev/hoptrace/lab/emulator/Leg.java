package dev.hoptrace.lab.emulator;

/**
 * One direction of one segment of an emulated path {@code A —— hop 1 —— … —— hop n —— B}.
 * Positions count from end A (0) over the router hops (1..n) to end B (n + 1); segment {@code s}
 * joins positions {@code s} and {@code s + 1}. On a plain link (n = 0) segment 0 is the whole
 * wire. A router's answers travel back on the segment the question came in on.
 *
 * @param segment 0..n
 * @param towardB the direction of travel
 */
record Leg(int segment, boolean towardB) {

  /** How many legs a path with {@code hops} router hops has: two per segment. */
  static int count(int hops) {
    return 2 * (hops + 1);
  }

  /** A dense number 0..count-1, for arrays indexed by leg. */
  int index() {
    return 2 * segment + (towardB ? 0 : 1);
  }

  /** The leg that leaves end {@code side} (a packet the kernel wrote into that TUN device). */
  static Leg from(Side side, int hops) {
    return side == Side.A ? new Leg(0, true) : new Leg(hops, false);
  }

  /** The position this leg ends at: a hop (1..n) or an end (0 or n + 1). */
  int arrival() {
    return towardB ? segment + 1 : segment;
  }

  /** The leg a packet forwarded at this leg's arrival hop continues on. */
  Leg onward() {
    return new Leg(towardB ? segment + 1 : segment - 1, towardB);
  }

  /** The leg a hop's answer to a packet from this leg goes back on. */
  Leg back() {
    return new Leg(segment, !towardB);
  }

  /** The side of its arrival hop the packet comes from. */
  Side from() {
    return towardB ? Side.A : Side.B;
  }

  /** The two ends of an emulated path. */
  enum Side {
    A,
    B;

    Side other() {
      return this == A ? B : A;
    }
  }
}
