package dev.hoptrace.core.diagnosis;

import dev.hoptrace.core.TraceRequest;
import dev.hoptrace.core.stats.HopSnapshot;
import java.util.List;
import java.util.Map;

/** Reads a continuous trace's statistics and says what they mean. Pure: no probing, no state. */
public final class Diagnosis {
  private Diagnosis() {}

  /**
   * @param request the trace (protocol and port shape the advice for a silent destination)
   * @param hops the hops in TTL order, up to the destination or the last hop probed
   * @param checks direct checks of suspect hops by TTL (may be empty)
   */
  public static List<Finding> of(TraceRequest request, List<HopSnapshot> hops,
      Map<Integer, DirectCheck> checks) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Hops whose loss does not continue to later hops: worth probing directly. */
  public static List<HopSnapshot> suspects(List<HopSnapshot> hops) {
    throw new UnsupportedOperationException("TODO");
  }
}
