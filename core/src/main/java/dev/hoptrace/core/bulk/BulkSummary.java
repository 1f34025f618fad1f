package dev.hoptrace.core.bulk;

/**
 * How a bulk run went.
 *
 * @param destinations destinations in the run
 * @param completed destinations whose trace completed (all of them unless stopped)
 * @param probesSent probes that left
 * @param replies replies tied to a probe
 * @param unmatched replies that carried no stamp of this run or failed the destination check
 * @param late replies that came after their probe was given up, or after their destination was done
 * @param duplicates second replies to a probe
 * @param malformed packets that could not be decoded
 * @param elapsedNanos from start to end
 * @param sendingNanos from the first probe sent to the last (the rate achieved is probes over it)
 * @param stopped whether the run was stopped before every destination completed
 */
public record BulkSummary(
    int destinations,
    int completed,
    long probesSent,
    long replies,
    long unmatched,
    long late,
    long duplicates,
    long malformed,
    long elapsedNanos,
    long sendingNanos,
    boolean stopped) {

  /** Probes per second while probes were being sent, or 0 when fewer than two left. */
  public double sendingRate() {
    return probesSent < 2 || sendingNanos <= 0 ? 0 : (probesSent - 1) / (sendingNanos / 1e9);
  }
}
