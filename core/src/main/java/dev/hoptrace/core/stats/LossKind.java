package dev.hoptrace.core.stats;

/** How a lost probe is classified by the forward/backward loss heuristic. */
public enum LossKind {
  /** Not lost, or lost without a pattern the heuristic recognises. */
  NONE,
  /** Lost, and so was every later probe of the round: the probe (or all after it) died forward. */
  FORWARD,
  /** Lost in a round where an earlier hop already showed forward loss. */
  BACKWARD
}
