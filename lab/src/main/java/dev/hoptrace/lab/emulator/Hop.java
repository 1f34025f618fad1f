package dev.hoptrace.lab.emulator;

import java.util.List;

/**
 * The middle of an emulated path: what happens to a packet between the leg it came in on and the
 * leg it leaves on. Called on the forwarding thread only.
 */
sealed interface Hop permits RouterHopResponder, ForgingTap {

  /** Where a packet goes next. */
  enum Verdict {
    /** On toward the other end, in {@link Outcome#packet()}. */
    FORWARD,
    /** Back toward the end it came from: {@link Outcome#packet()} is the hop's answer. */
    ANSWER,
    /** Nowhere; {@link Outcome#reason()} says why. */
    DROP
  }

  /**
   * @param reason the counter a drop or an answer adds to; null for a plain forward
   * @param back packets the hop sends toward the end the packet came from, before the verdict
   *     is carried out (a forging tap's lies about a probe); each counts as {@link Count#FORGED}
   * @param ahead packets the hop sends on toward the other end before the packet itself (a
   *     forger's broken copies of a real answer); each counts as {@link Count#FORGED}
   */
  record Outcome(Verdict verdict, byte[] packet, Count reason, List<byte[]> back,
      List<byte[]> ahead) {
    public Outcome {
      back = List.copyOf(back);
      ahead = List.copyOf(ahead);
    }

    static Outcome forward(byte[] packet) {
      return new Outcome(Verdict.FORWARD, packet, null, List.of(), List.of());
    }

    static Outcome answer(byte[] packet, Count reason) {
      return new Outcome(Verdict.ANSWER, packet, reason, List.of(), List.of());
    }

    static Outcome drop(Count reason) {
      return new Outcome(Verdict.DROP, null, reason, List.of(), List.of());
    }

    /** Forwards {@code packet} unchanged after sending {@code back} and {@code ahead}. */
    static Outcome forwardWith(byte[] packet, List<byte[]> back, List<byte[]> ahead) {
      return new Outcome(Verdict.FORWARD, packet, null, back, ahead);
    }
  }

  /**
   * @param from the end the packet came from
   * @param egressMtu the MTU of the leg it would leave on
   */
  Outcome pass(byte[] packet, Leg.Side from, int egressMtu);
}
