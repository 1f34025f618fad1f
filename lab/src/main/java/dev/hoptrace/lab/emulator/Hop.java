package dev.hoptrace.lab.emulator;

/**
 * The middle of an emulated path: what happens to a packet between the leg it came in on and the
 * leg it leaves on. Called on the forwarding thread only.
 */
sealed interface Hop permits RouterHopResponder {

  /** Where a packet goes next. */
  enum Verdict {
    /** On toward the other end, in {@link Outcome#packet()}. */
    FORWARD,
    /** Back toward the end it came from: {@link Outcome#packet()} is the hop's answer. */
    ANSWER,
    /** Nowhere; {@link Outcome#reason()} says why. */
    DROP
  }

  /** @param reason the counter a drop or an answer adds to; null for a plain forward */
  record Outcome(Verdict verdict, byte[] packet, Count reason) {
    static Outcome forward(byte[] packet) {
      return new Outcome(Verdict.FORWARD, packet, null);
    }

    static Outcome answer(byte[] packet, Count reason) {
      return new Outcome(Verdict.ANSWER, packet, reason);
    }

    static Outcome drop(Count reason) {
      return new Outcome(Verdict.DROP, null, reason);
    }
  }

  /**
   * @param from the end the packet came from
   * @param egressMtu the MTU of the leg it would leave on
   */
  Outcome pass(byte[] packet, Leg.Side from, int egressMtu);
}
