package dev.hoptrace.core.stats;

/** What became of a TTL's probe in one round, for the forward/backward loss walk. */
public enum ProbeOutcome {
  /** Not probed this round (past the destination, or beyond the gap limit). */
  NOT_SENT,
  ANSWERED,
  /** No reply in time, or the probe could not be sent. */
  LOST
}
