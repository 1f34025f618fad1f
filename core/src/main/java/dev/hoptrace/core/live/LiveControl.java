package dev.hoptrace.core.live;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a user may do to a running continuous trace from another thread (the terminal's): pause
 * and resume new rounds, reset the statistics, stop. The engine reads these between its steps, so
 * nothing of its state is ever locked.
 */
public final class LiveControl {
  private final AtomicBoolean paused = new AtomicBoolean();
  private final AtomicBoolean resetRequested = new AtomicBoolean();
  private volatile boolean stopped;

  public void pause(boolean pause) {
    paused.set(pause);
  }

  /** Flips pause; returns whether it is paused now. */
  public boolean togglePause() {
    while (true) {
      boolean now = paused.get();
      if (paused.compareAndSet(now, !now)) {
        return !now;
      }
    }
  }

  public boolean paused() {
    return paused.get();
  }

  /** Asks the engine to forget its statistics before its next step. */
  public void reset() {
    resetRequested.set(true);
  }

  /** For the engine: true once per reset request. */
  boolean takeReset() {
    return resetRequested.getAndSet(false);
  }

  /** Ends the run: the engine finishes its current step, publishes a last snapshot and returns. */
  public void stop() {
    stopped = true;
  }

  public boolean stopped() {
    return stopped;
  }
}
