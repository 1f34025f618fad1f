package dev.hoptrace.core.mda;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The load-balanced paths a multipath trace found: per TTL the interfaces and the edges into them.
 *
 * @param hops one entry per TTL probed, ascending
 * @param end why the trace stopped
 * @param settings the settings it ran with (variant, confidence, budget)
 * @param probesSent probes sent in total
 */
public record MultipathResult(
    List<MultipathHop> hops, End end, MdaSettings settings, int probesSent) {

  /** Why a multipath trace stopped. */
  public enum End {
    /** Every branch still followed reached the destination (or went silent after some did). */
    DESTINATION_REACHED,
    /** Every branch went silent for the gap limit without the destination answering. */
    GAP_LIMIT,
    /** Branches were still open at the maximum TTL. */
    MAX_TTL,
    /** The probe budget ran out before the algorithm was done: the graph may be incomplete. */
    PROBE_BUDGET
  }

  public MultipathResult {
    hops = List.copyOf(hops);
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(settings, "settings");
  }

  public boolean budgetExhausted() {
    return end == End.PROBE_BUDGET;
  }

  /** The per-vertex confidence the stopping rule ran with. */
  public double confidence() {
    return settings.confidence();
  }

  /** Every address that answered, at any TTL. */
  public Set<InetAddress> interfaces() {
    Set<InetAddress> all = new LinkedHashSet<>();
    hops.forEach(hop -> all.addAll(hop.interfaces()));
    return all;
  }

  /** Every edge, hop by hop. */
  public List<Link> links() {
    return hops.stream().flatMap(hop -> hop.links().stream()).toList();
  }
}
