package dev.hoptrace.core;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All probes of one TTL, in the order they were sent.
 *
 * @param ttl the TTL
 * @param probes one result per probe
 */
public record Hop(int ttl, List<ProbeResult> probes) {

  public Hop {
    probes = List.copyOf(probes);
  }

  /** Everyone who answered at this TTL, in order of first appearance (several under load balancing). */
  public Set<InetAddress> responders() {
    Set<InetAddress> all = new LinkedHashSet<>();
    for (ProbeResult probe : probes) {
      probe.responder().ifPresent(all::add);
    }
    return all;
  }

  /** True when no probe of this hop was answered. */
  public boolean silent() {
    return probes.stream().noneMatch(ProbeResult::answered);
  }
}
