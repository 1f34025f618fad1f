package dev.hoptrace.lab.emulator;

/**
 * The four one-way pieces of an emulated path {@code A —— hop —— B}. On a plain link the hop is
 * a wire and only the legs toward it have a profile; with a router hop each side of it is a link
 * of its own, and the router's answers travel back on the leg toward the asker.
 */
enum Leg {
  A_TO_HOP(Side.A, true),
  HOP_TO_B(Side.B, false),
  B_TO_HOP(Side.B, true),
  HOP_TO_A(Side.A, false);

  private final Side side;
  private final boolean towardHop;

  Leg(Side side, boolean towardHop) {
    this.side = side;
    this.towardHop = towardHop;
  }

  /** The end this leg starts at (toward the hop) or ends at (from the hop). */
  Side side() {
    return side;
  }

  boolean towardHop() {
    return towardHop;
  }

  static Leg toHop(Side from) {
    return from == Side.A ? A_TO_HOP : B_TO_HOP;
  }

  static Leg fromHop(Side to) {
    return to == Side.A ? HOP_TO_A : HOP_TO_B;
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
