package dev.hoptrace.core.live;

/**
 * Receives a continuous trace's snapshots, on the engine thread: keep it quick (store the
 * snapshot, wake a renderer); never block.
 */
public interface LiveListener {

  LiveListener NONE = snapshot -> {};

  /** A newer snapshot: after replies arrived (at most every few tens of ms) and after each round. */
  void updated(LiveSnapshot snapshot);

  /** The run ended; {@code last} is its final state. */
  default void finished(LiveSnapshot last) {
    updated(last);
  }
}
