package dev.hoptrace.core.bulk;

import dev.hoptrace.core.TraceResult;

/** Hears of each destination as soon as its trace is complete, on the engine's thread. */
@FunctionalInterface
public interface BulkListener {
  void completed(TraceResult result);
}
