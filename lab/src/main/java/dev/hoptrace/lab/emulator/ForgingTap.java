package dev.hoptrace.lab.emulator;

import dev.hoptrace.packet.forge.Forger;
import dev.hoptrace.packet.forge.ForgeryPlan;

/**
 * A wiretap that lies: it forwards every packet unchanged and invisibly (no TTL decrement, no hop
 * of its own), sends end A a {@link Forger}'s lies about each probe A sends before forwarding the
 * probe, and its broken copies of each real error coming back ahead of that error.
 */
final class ForgingTap implements Hop {
  private final Forger forger;

  ForgingTap(ForgeryPlan plan) {
    this.forger = new Forger(plan, System::nanoTime);
  }

  @Override
  public Outcome pass(byte[] packet, Leg.Side from, int egressMtu) {
    return from == Leg.Side.A
        ? Outcome.forwardWith(packet, forger.aboutProbe(packet), java.util.List.of())
        : Outcome.forwardWith(packet, java.util.List.of(), forger.aheadOf(packet));
  }
}
