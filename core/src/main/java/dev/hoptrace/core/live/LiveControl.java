package dev.hoptrace.core.live;

import dev.hoptrace.core.diagnosis.DirectCheck;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What other threads may tell a running continuous trace: the user pauses and resumes new rounds,
 * resets the statistics or stops; a checker hands in direct checks of suspect hops for the
 * diagnosis. The engine reads these between its steps, so nothing of its state is ever locked.
 */
public final class LiveControl {
  private volatile Map<Integer, DirectCheck> directChecks = Map.of();
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
  public boolean takeReset() {
    return resetRequested.getAndSet(false);
  }

  /** Ends the run: the engine finishes its current step, publishes a last snapshot and returns. */
  public void stop() {
    stopped = true;
  }

  public boolean stopped() {
    return stopped;
  }

  /** Direct checks of hops by TTL; the diagnosis of the next completed round uses them. */
  public void directChecks(Map<Integer, DirectCheck> checks) {
    directChecks = Map.copyOf(checks);
  }

  public Map<Integer, DirectCheck> directChecks() {
    return directChecks;
  }
}
