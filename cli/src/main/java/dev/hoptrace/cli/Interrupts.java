package dev.hoptrace.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) handled by the program instead of killing the JVM: a bulk run stops, writes what
 * is complete and exits with 130 on its own. The previous handler comes back on close.
 */
final class Interrupts implements AutoCloseable {
  private final Signal signal;
  private final SignalHandler previous;

  private Interrupts(Signal signal, SignalHandler previous) {
    this.signal = signal;
    this.previous = previous;
  }

  static Interrupts onInterrupt(Runnable action) {
    Signal signal = new Signal("INT");
    return new Interrupts(signal, Signal.handle(signal, s -> action.run()));
  }

  @Override
  public void close() {
    Signal.handle(signal, previous);
  }
}
