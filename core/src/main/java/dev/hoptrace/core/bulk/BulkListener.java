package dev.hoptrace.core.bulk;

import dev.hoptrace.core.TraceResult;

/** Hears of each destination as soon as its trace is complete, on the engine's thread. */
@FunctionalInterface
public interface BulkListener {
  void completed(TraceResult result);

  /**
   * Whether results should carry their hops. A listener that only counts destinations (the
   * engine benchmark) says no, and then no object is made per probe at all.
   */
  default boolean wantsHops() {
    return true;
  }

  /**
   * The engine is about to wait for replies or for its rate: a good moment to hand on results
   * kept back to be passed on in batches.
   */
  default void caughtUp() {}
}
