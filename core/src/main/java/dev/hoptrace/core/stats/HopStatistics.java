package dev.hoptrace.core.stats;

import dev.hoptrace.packet.ext.IcmpExtensions;
import java.net.InetAddress;

/**
 * Running statistics of one hop of a continuous trace, in fixed memory however long it runs:
 * counters and running aggregates, plus a window of the newest {@link #WINDOW} samples for charts.
 * Used by one thread (the engine's); {@link #snapshot()} hands out an immutable copy.
 */
public final class HopStatistics {
  /** Samples kept for sparklines and charts. */
  public static final int WINDOW = 100;
  /** Distinct responders kept per hop; replies from further ones count only in the totals. */
  public static final int MAX_RESPONDERS = 16;

  public HopStatistics(int ttl) {
    throw new UnsupportedOperationException("TODO");
  }

  public int ttl() {
    throw new UnsupportedOperationException("TODO");
  }

  /** A probe of this hop was answered. */
  public void answered(InetAddress responder, double rttMillis, String annotation,
      boolean destination, IcmpExtensions extensions) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A probe of this hop got no reply in time, or could not be sent. */
  public void lost() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The round walk classified one of this hop's lost probes. */
  public void classified(LossKind kind) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Forgets everything (the user pressed reset). */
  public void reset() {
    throw new UnsupportedOperationException("TODO");
  }

  public HopSnapshot snapshot() {
    throw new UnsupportedOperationException("TODO");
  }
}
