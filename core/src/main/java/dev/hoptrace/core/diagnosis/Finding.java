package dev.hoptrace.core.diagnosis;

/**
 * One conclusion drawn from a trace's statistics, in words a user can act on.
 *
 * @param kind what was found
 * @param ttl the hop it concerns, or 0 for the path as a whole
 * @param message one sentence for the user
 */
public record Finding(Kind kind, int ttl, String message) {

  public enum Kind {
    /** Loss at a hop that later hops do not show: the router limits its ICMP, not your traffic. */
    RATE_LIMITED,
    /** Loss from a hop onwards, through to the last hop: traffic really is lost there. */
    FORWARD_LOSS,
    /** A hop that never answers while the path beyond it does. */
    SILENT_HOP,
    /** The destination does not answer this kind of probe. */
    DESTINATION_SILENT,
    /** A router or the destination answered "unreachable" (!H, !N, !X, ...). */
    UNREACHABLE,
    /** This machine could not send some probes (no route, interface down): local, not the path. */
    NOT_SENT,
    /**
     * The destination answers every probe; hops that limit or withhold their own replies may
     * still be listed beside it.
     */
    CLEAN
  }
}
