package dev.hoptrace.core;

/**
 * Replies that reached the trace but were not tied to a probe. A reply is never guessed onto a
 * probe: when it cannot be tied to exactly one of ours it is dropped and counted here.
 *
 * @param unmatched replies that quote no probe of this trace (or quote a different destination)
 * @param late replies to probes already given up on
 * @param duplicate second replies to a probe that already has one
 * @param malformed packets that could not be decoded
 */
public record DropCounts(long unmatched, long late, long duplicate, long malformed) {
  public static final DropCounts NONE = new DropCounts(0, 0, 0, 0);
}
