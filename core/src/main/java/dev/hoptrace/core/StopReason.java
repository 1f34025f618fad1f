package dev.hoptrace.core;

/** Why a trace ended. */
public enum StopReason {
  /** The destination answered. */
  DESTINATION_REACHED,
  /** A hop answered with a Destination Unreachable (or another final error) before the destination. */
  UNREACHABLE,
  /** The gap limit: this many silent hops followed the last hop that answered. */
  GAP_LIMIT,
  /** Every TTL up to the maximum was probed. */
  MAX_TTL
}
