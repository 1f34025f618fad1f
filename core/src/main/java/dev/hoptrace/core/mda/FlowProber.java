package dev.hoptrace.core.mda;

import dev.hoptrace.core.net.NetworkException;
import java.util.List;
import java.util.Map;

/**
 * The probing seam of the multipath algorithms: sends a batch of flows at one TTL.
 *
 * <p>A flow is a number the algorithm hands out (0, 1, 2, …). The prober turns it into the header
 * fields load balancers hash (a FlowId: e.g. source port = base + flow for UDP), and keeps them the
 * same for that flow at every TTL and every call, as Paris traceroute does; only the probe identity
 * within the flow may change. Flows of one batch are independent: a real prober should put them
 * all in flight together and wait one timeout, because the algorithm waits for the whole answer
 * before its next step, so a trace costs one round trip per batch, not per probe. Retrying silent
 * probes is the prober's choice; the algorithm takes a silent answer as final.
 *
 * <p>Calls come from one thread, one at a time.
 */
@FunctionalInterface
public interface FlowProber {
  /**
   * Probes each of {@code flows} (distinct, in no particular order) once at {@code ttl}.
   *
   * @return what answered each flow; a flow missing from the map counts as {@link Answer#SILENT}
   * @throws NetworkException when probing cannot go on at all (the algorithm stops with it)
   */
  Map<Integer, Answer> probe(int ttl, List<Integer> flows) throws NetworkException;
}
